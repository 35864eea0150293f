package io.threadcheck.core.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectNamesTest {

    static final class Nested {
        @Override
        public String toString() {
            throw new AssertionError("toString called");
        }

        @Override
        public int hashCode() {
            throw new AssertionError("hashCode called");
        }
    }

    private static String hex(Object o) {
        return Integer.toHexString(System.identityHashCode(o));
    }

    @Test
    void classObjects() {
        assertThat(ObjectNames.describe(String.class)).isEqualTo("class java.lang.String");
        assertThat(ObjectNames.describe(Nested.class)).isEqualTo("class io.threadcheck.core.util.ObjectNamesTest$Nested");
        assertThat(ObjectNames.describe(int[].class)).isEqualTo("class int[]");
    }

    @Test
    void arrays() {
        int[] a = new int[3];
        String[][] s = new String[1][];
        Nested[] n = new Nested[0];
        assertThat(ObjectNames.describe(a)).isEqualTo("int[]@" + hex(a));
        assertThat(ObjectNames.describe(s)).isEqualTo("java.lang.String[][]@" + hex(s));
        assertThat(ObjectNames.describe(n)).isEqualTo("io.threadcheck.core.util.ObjectNamesTest$Nested[]@" + hex(n));
    }

    @Test
    void ordinaryObjectsUseIdentityNotToString() {
        Nested o = new Nested();
        assertThat(ObjectNames.describe(o)).isEqualTo("io.threadcheck.core.util.ObjectNamesTest$Nested@" + hex(o));
        Object plain = new Object();
        assertThat(ObjectNames.describe(plain)).isEqualTo("java.lang.Object@" + hex(plain));
        assertThat(ObjectNames.describe(null)).isEqualTo("null");
    }
}
