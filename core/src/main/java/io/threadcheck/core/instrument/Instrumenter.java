package io.threadcheck.core.instrument;

import io.threadcheck.core.model.CallModels;
import io.threadcheck.core.model.ModelledCall;
import io.threadcheck.core.record.SymbolTable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Instruments class files: bytes in, bytes out. Thread-safe; classes load concurrently.
 *
 * <p>A method that cannot be instrumented safely (it would exceed the 64 KiB code limit, or
 * it overwrites {@code this} in a synchronized method) is left as it was and the rest of the
 * class is instrumented; the caller learns which through {@link Result#skippedMethods()}.
 */
public final class Instrumenter {

    /**
     * The outcome for one class: new bytes, or null when nothing needed to change; the methods
     * left uninstrumented; for a JDK class, its model rules that matched nothing (described).
     */
    public record Result(byte[] bytes, Set<String> skippedMethods, List<String> unmatchedRules) {
        Result(byte[] bytes, Set<String> skippedMethods) {
            this(bytes, skippedMethods, List.of());
        }
    }

    private static final int MAX_ATTEMPTS = 8;

    private final SymbolTable symbols;
    private final Recording recording;
    private final ClassHierarchy hierarchy = new ClassHierarchy();

    public Instrumenter(SymbolTable symbols) {
        this(symbols, Recording.ALL);
    }

    /** An instrumenter whose program classes report what {@code recording} asks. */
    public Instrumenter(SymbolTable symbols, Recording recording) {
        this.symbols = symbols;
        this.recording = recording;
    }

    /**
     * @param loader the defining loader (null for the bootstrap loader), used to read the
     *               class files of the classes this one refers to
     * @throws IllegalArgumentException when ASM cannot read the class file
     */
    public Result instrument(byte[] classFile, ClassLoader loader) {
        return instrument(classFile, loader, null, true);
    }

    /**
     * As {@link #instrument(byte[], ClassLoader)}; {@code canAddMethods} is false when an
     * already loaded class is retransformed (the JVM then refuses new methods, so method
     * references are left as they are).
     */
    public Result instrument(byte[] classFile, ClassLoader loader, boolean canAddMethods) {
        return instrument(classFile, loader, null, canAddMethods);
    }

    /**
     * Instruments a JDK class with the model rules that name it ({@link CallModels#jdkRules}):
     * no field, array or monitor accesses are recorded, only the rules' hooks are inserted.
     */
    public Result instrumentJdk(byte[] classFile, ClassLoader loader, String internalName) {
        List<ModelledCall> rules = CallModels.get().jdkRules(internalName);
        if (rules.isEmpty()) return new Result(null, Set.of());
        return instrument(classFile, loader, rules, false);
    }

    /** True when JDK class {@code internalName} has model rules. */
    public boolean hasJdkRules(String internalName) {
        return CallModels.get().hasJdkRules(internalName);
    }

    private Result instrument(byte[] classFile, ClassLoader loader, List<ModelledCall> jdkRules,
                              boolean canAddMethods) {
        ClassReader reader = new ClassReader(classFile);
        hierarchy.define(loader, reader);
        Map<String, Integer> maxLocals = maxLocals(reader);
        Set<String> skipped = new HashSet<>();
        for (int attempt = 0; ; attempt++) {
            ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
            ClassInstrumenter instrumenter = new ClassInstrumenter(writer, symbols, hierarchy, loader, skipped,
                    jdkRules, maxLocals, canAddMethods, recording);
            try {
                reader.accept(instrumenter, 0);
                List<String> unmatched = new java.util.ArrayList<>();
                for (ModelledCall c : instrumenter.unmatchedRules()) {
                    unmatched.add(c.kind() + " " + c.owner() + "." + c.name()
                            + (c.inMethod() != null ? " in " + c.inMethod() : ""));
                }
                if (!instrumenter.isChanged()) return new Result(null, skipped, unmatched);
                return new Result(writer.toByteArray(), skipped, unmatched);
            } catch (ClassInstrumenter.SkipMethod e) {
                if (!skipped.add(e.method) || attempt >= MAX_ATTEMPTS) throw e;
            } catch (MethodTooLargeException e) {
                if (!skipped.add(e.getMethodName() + e.getDescriptor()) || attempt >= MAX_ATTEMPTS) throw e;
            }
        }
    }

    /**
     * Each method's declared local variable count, keyed by name + descriptor: hooks around a
     * modelled call keep its receiver and arguments in locals numbered from there.
     */
    private static Map<String, Integer> maxLocals(ClassReader reader) {
        Map<String, Integer> out = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                String key = name + descriptor;
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMaxs(int maxStack, int locals) {
                        out.put(key, locals);
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return out;
    }

    public SymbolTable symbols() {
        return symbols;
    }
}
