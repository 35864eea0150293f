package io.threadcheck.core.instrument;

import io.threadcheck.core.util.WeakIdentityMap;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Answers what the instrumenter must know about other classes without loading them: which
 * class declares a field and with what modifiers (volatile, final), and whether a class is a
 * {@code Thread}. Class files are read as resources of the defining loader, parsed header and
 * fields only, and cached per loader.
 */
public final class ClassHierarchy {

    /** A class's super types and its fields' access flags. */
    record ClassInfo(String name, String superName, String[] interfaces, Map<String, Integer> fields) {}

    /** The class that declares a field, and the field's access flags. */
    public record FieldInfo(String declaringClass, int access) {
        public boolean isVolatile() {
            return (access & Opcodes.ACC_VOLATILE) != 0;
        }

        public boolean isFinal() {
            return (access & Opcodes.ACC_FINAL) != 0;
        }
    }

    private static final ClassInfo MISSING = new ClassInfo(null, null, new String[0], Map.of());

    private final Map<String, ClassInfo> bootstrap = new ConcurrentHashMap<>();
    private final WeakIdentityMap<ClassLoader, Map<String, ClassInfo>> byLoader = new WeakIdentityMap<>();

    /** Makes a class known before it can be found as a resource (the class being defined). */
    void define(ClassLoader loader, ClassReader reader) {
        cache(loader).put(reader.getClassName(), parse(reader));
    }

    /**
     * Resolves a field reference as the JVM does (the class, its interfaces, then its
     * superclass). Null when the declaring class cannot be found.
     */
    public FieldInfo resolveField(ClassLoader loader, String owner, String name) {
        for (int depth = 0; owner != null && depth < 64; depth++) {
            ClassInfo info = info(loader, owner);
            if (info == MISSING) return null;
            Integer access = info.fields().get(name);
            if (access != null) return new FieldInfo(owner, access);
            FieldInfo fromInterface = resolveInInterfaces(loader, info.interfaces(), name, 0);
            if (fromInterface != null) return fromInterface;
            owner = info.superName();
        }
        return null;
    }

    private FieldInfo resolveInInterfaces(ClassLoader loader, String[] interfaces, String name, int depth) {
        if (depth > 32) return null;
        for (String itf : interfaces) {
            ClassInfo info = info(loader, itf);
            if (info == MISSING) continue;
            Integer access = info.fields().get(name);
            if (access != null) return new FieldInfo(itf, access);
            FieldInfo deeper = resolveInInterfaces(loader, info.interfaces(), name, depth + 1);
            if (deeper != null) return deeper;
        }
        return null;
    }

    /** True when {@code internalName} is java/lang/Thread or a subclass of it. */
    public boolean isThread(ClassLoader loader, String internalName) {
        String name = internalName;
        for (int depth = 0; name != null && depth < 64; depth++) {
            if (name.equals("java/lang/Thread")) return true;
            if (name.equals("java/lang/Object")) return false;
            ClassInfo info = info(loader, name);
            if (info == MISSING) return false;
            name = info.superName();
        }
        return false;
    }

    /**
     * True when {@code owner} is {@code root} or extends or implements it, directly or not.
     * False when a class on the way cannot be read.
     */
    public boolean isSubtype(ClassLoader loader, String owner, String root) {
        return isSubtype(loader, owner, root, 0);
    }

    private boolean isSubtype(ClassLoader loader, String name, String root, int depth) {
        if (name == null || depth > 64) return false;
        if (name.equals(root)) return true;
        // An array type's only supertypes are these three (JLS 4.10.3): a call like int[].clone()
        // names the array type as its owner.
        if (name.startsWith("[")) {
            return root.equals("java/lang/Object") || root.equals("java/lang/Cloneable") || root.equals("java/io/Serializable");
        }
        if (name.equals("java/lang/Object")) return false;
        ClassInfo info = info(loader, name);
        if (info == MISSING) return false;
        for (String itf : info.interfaces()) {
            if (isSubtype(loader, itf, root, depth + 1)) return true;
        }
        return isSubtype(loader, info.superName(), root, depth + 1);
    }

    private ClassInfo info(ClassLoader loader, String internalName) {
        Map<String, ClassInfo> cache = cache(loader);
        ClassInfo info = cache.get(internalName);
        if (info == null) {
            info = read(loader, internalName);
            cache.put(internalName, info);
        }
        return info;
    }

    private Map<String, ClassInfo> cache(ClassLoader loader) {
        if (loader == null) return bootstrap;
        return byLoader.computeIfAbsent(loader, new Function<ClassLoader, Map<String, ClassInfo>>() {
            @Override
            public Map<String, ClassInfo> apply(ClassLoader l) {
                return new ConcurrentHashMap<>();
            }
        });
    }

    private static ClassInfo read(ClassLoader loader, String internalName) {
        String resource = internalName + ".class";
        try (InputStream in = loader != null ? loader.getResourceAsStream(resource)
                : ClassLoader.getSystemResourceAsStream(resource)) {
            if (in == null) return MISSING;
            return parse(new ClassReader(in));
        } catch (IOException | RuntimeException e) {
            return MISSING;
        }
    }

    private static ClassInfo parse(ClassReader reader) {
        Map<String, Integer> fields = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                fields.put(name, access);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassInfo(reader.getClassName(), reader.getSuperName(), reader.getInterfaces(), fields);
    }
}
