package io.threadcheck.core.instrument;

import io.threadcheck.core.record.SymbolTable;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;

/**
 * Instruments class files: bytes in, bytes out. Thread-safe; classes load concurrently.
 *
 * <p>A method that cannot be instrumented safely (it would exceed the 64 KiB code limit, or
 * it overwrites {@code this} in a synchronized method) is left as it was and the rest of the
 * class is instrumented; the caller learns which through {@link Result#skippedMethods()}.
 */
public final class Instrumenter {

    /** The outcome for one class: new bytes, or null when nothing needed to change. */
    public record Result(byte[] bytes, Set<String> skippedMethods) {}

    private static final int MAX_ATTEMPTS = 8;

    private final SymbolTable symbols;
    private final ClassHierarchy hierarchy = new ClassHierarchy();

    public Instrumenter(SymbolTable symbols) {
        this.symbols = symbols;
    }

    /**
     * @param loader the defining loader (null for the bootstrap loader), used to read the
     *               class files of the classes this one refers to
     * @throws IllegalArgumentException when ASM cannot read the class file
     */
    public Result instrument(byte[] classFile, ClassLoader loader) {
        ClassReader reader = new ClassReader(classFile);
        hierarchy.define(loader, reader);
        Set<String> skipped = new HashSet<>();
        for (int attempt = 0; ; attempt++) {
            ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
            ClassInstrumenter instrumenter = new ClassInstrumenter(writer, symbols, hierarchy, loader, skipped);
            try {
                reader.accept(instrumenter, 0);
                if (!instrumenter.isChanged()) return new Result(null, skipped);
                return new Result(writer.toByteArray(), skipped);
            } catch (ClassInstrumenter.SkipMethod e) {
                if (!skipped.add(e.method) || attempt >= MAX_ATTEMPTS) throw e;
            } catch (MethodTooLargeException e) {
                if (!skipped.add(e.getMethodName() + e.getDescriptor()) || attempt >= MAX_ATTEMPTS) throw e;
            }
        }
    }

    public SymbolTable symbols() {
        return symbols;
    }
}
