package io.threadcheck.core.instrument;

/** Names and descriptors of {@link io.threadcheck.core.record.Hooks}, as instrumented code calls them. */
final class HookNames {
    static final String OWNER = "io/threadcheck/core/record/Hooks";

    static final String OBJ_SITE = "(Ljava/lang/Object;I)V";
    static final String SITE = "(I)V";
    static final String ARRAY = "(Ljava/lang/Object;II)V";
    /** apiBefore(recv, a0, a1, n0, n1, n2, site). */
    static final String API_BEFORE = "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;JJJI)V";
    /** apiAfter(recv, a0, a1, n0, n1, n2, result, numResult, site). */
    static final String API_AFTER = "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;JJJLjava/lang/Object;JI)V";
    static final String NONE = "()V";

    private HookNames() {}

    /** The hook replacing {@code Thread.join} with descriptor {@code desc}: the thread comes first, the site last. */
    static String joinDescriptor(String desc) {
        return "(Ljava/lang/Thread;" + desc.substring(1, desc.indexOf(')')) + "I)V";
    }

    /** The hook replacing {@code Object.wait} with descriptor {@code desc}. */
    static String waitDescriptor(String desc) {
        return "(Ljava/lang/Object;" + desc.substring(1, desc.indexOf(')')) + "I)V";
    }
}
