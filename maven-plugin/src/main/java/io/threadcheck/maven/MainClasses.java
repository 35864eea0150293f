package io.threadcheck.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The classes of a compiled-classes directory that a {@code java} command can run: a
 * {@code public static void main(String[])} in a top-level or nested class, read from the class
 * files without loading them. A class file ASM cannot read is skipped with a reason.
 */
final class MainClasses {

    private MainClasses() {}

    /** Main classes under {@code classes} in {@code packages} (or their sub-packages), sorted by name. */
    static List<String> find(Path classes, List<String> packages, List<String> unreadable) throws IOException {
        if (!Files.isDirectory(classes)) return List.of();
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                if (!inPackages(name, packages) || name.endsWith("module-info") || name.endsWith("package-info")) continue;
                try (InputStream in = Files.newInputStream(file)) {
                    if (hasMain(new ClassReader(in))) found.add(name);
                } catch (IOException | RuntimeException e) {
                    unreadable.add(file + ": " + e);
                }
            }
        }
        found.sort(null);
        return found;
    }

    static boolean inPackages(String className, List<String> packages) {
        for (String p : packages) {
            String pkg = p.trim();
            if (pkg.isEmpty() || className.startsWith(pkg + ".")) return true;
        }
        return false;
    }

    private static boolean hasMain(ClassReader reader) {
        boolean[] found = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if (name.equals("main") && descriptor.equals("([Ljava/lang/String;)V")
                        && (access & Opcodes.ACC_PUBLIC) != 0 && (access & Opcodes.ACC_STATIC) != 0) {
                    found[0] = true;
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found[0];
    }
}
