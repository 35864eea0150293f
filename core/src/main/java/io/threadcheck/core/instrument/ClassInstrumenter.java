package io.threadcheck.core.instrument;

import io.threadcheck.core.model.CallModels;
import io.threadcheck.core.model.ModelledCall;
import io.threadcheck.core.record.AccessKind;
import io.threadcheck.core.record.Site;
import io.threadcheck.core.record.SymbolTable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.Type;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Visits one class, registers its sites and hands each method with code to a
 * {@link MethodInstrumenter}. A program class gets everything (accesses, monitors, thread
 * calls, modelled library calls); a JDK class only the model rules that name it.
 */
final class ClassInstrumenter extends ClassVisitor {

    /** Thrown when a method cannot be instrumented safely; the class is redone without it. */
    static final class SkipMethod extends RuntimeException {
        final String method;

        SkipMethod(String method) {
            super(method, null, false, false);
            this.method = method;
        }
    }

    private final SymbolTable symbols;
    private final ClassHierarchy hierarchy;
    private final ClassLoader loader;
    private final Set<String> skipped;
    private final List<ModelledCall> jdkRules; // null for a program class
    private final Map<String, Integer> maxLocals;
    private final CallModels.TypeTest types;
    private final Set<Integer> appliedRules = new java.util.HashSet<>();
    private final boolean canAddMethods;
    private final Recording recording;
    private final List<Bridge> bridges = new java.util.ArrayList<>();
    private int access;
    private String internalName;
    private String className;
    private String sourceFile;
    private int version;
    private boolean changed;

    ClassInstrumenter(ClassVisitor next, SymbolTable symbols, ClassHierarchy hierarchy, ClassLoader loader,
                      Set<String> skipped, List<ModelledCall> jdkRules, Map<String, Integer> maxLocals,
                      boolean canAddMethods, Recording recording) {
        super(Opcodes.ASM9, next);
        this.canAddMethods = canAddMethods;
        this.recording = recording;
        this.symbols = symbols;
        this.hierarchy = hierarchy;
        this.loader = loader;
        this.skipped = skipped;
        this.jdkRules = jdkRules;
        this.maxLocals = maxLocals;
        this.types = new CallModels.TypeTest() {
            @Override
            public boolean isSubtype(String owner, String root) {
                return hierarchy.isSubtype(loader, owner, root);
            }
        };
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        this.version = version;
        this.access = access;
        this.internalName = name;
        this.className = name.replace('/', '.');
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitSource(String source, String debug) {
        this.sourceFile = source;
        super.visitSource(source, debug);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (mv == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0
                || skipped.contains(name + descriptor)) {
            return mv;
        }
        Integer locals = maxLocals.get(name + descriptor);
        return new MethodInstrumenter(mv, this, access, name, descriptor, locals == null ? 0 : locals);
    }

    /** A method-reference bridge to emit at the end of the class. */
    private record Bridge(String name, String descriptor, Handle target, String enclosing, int line) {}

    /**
     * True when methods may be added: at first load, and in a class file version that allows
     * private static methods in an interface when this is one. Never when retransforming.
     */
    boolean canAddMethods() {
        boolean isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
        return canAddMethods && jdkRules == null && (!isInterface || (version & 0xFFFF) >= Opcodes.V9);
    }

    /**
     * A private static bridge that calls {@code target} (receiver first for an instance method),
     * named as javac names a lambda of method {@code enclosing}, so reports show the enclosing
     * method; one per target, enclosing method and captured types. The lambda metafactory wants
     * the captured values' types exactly, so the leading parameters are taken from the call
     * site's {@code factoryDescriptor} (a bound receiver may be typed as a subtype of the
     * method's owner); the rest are the target's own.
     */
    Handle bridgeFor(Handle target, String enclosing, int line, String factoryDescriptor) {
        Type[] captured = Type.getArgumentTypes(factoryDescriptor);
        boolean instance = target.getTag() != Opcodes.H_INVOKESTATIC;
        java.util.List<Type> params = new java.util.ArrayList<>();
        if (instance) params.add(Type.getObjectType(target.getOwner()));
        params.addAll(java.util.Arrays.asList(Type.getArgumentTypes(target.getDesc())));
        for (int i = 0; i < captured.length && i < params.size(); i++) params.set(i, captured[i]);
        String descriptor = Type.getMethodDescriptor(Type.getReturnType(target.getDesc()), params.toArray(new Type[0]));
        for (Bridge b : bridges) {
            if (b.target().equals(target) && b.enclosing().equals(enclosing) && b.descriptor().equals(descriptor)) {
                return handle(b);
            }
        }
        // Inside a lambda body the bridge extends its name, so it still reads as that method's lambda.
        String base = enclosing.startsWith("lambda$") ? enclosing
                : "lambda$" + (enclosing.equals("<init>") ? "new" : enclosing.equals("<clinit>") ? "static" : enclosing);
        Bridge made = new Bridge(base + "$threadcheck$" + bridges.size(), descriptor, target, enclosing, line);
        bridges.add(made);
        return handle(made);
    }

    private Handle handle(Bridge b) {
        return new Handle(Opcodes.H_INVOKESTATIC, internalName, b.name(), b.descriptor(),
                (access & Opcodes.ACC_INTERFACE) != 0);
    }

    @Override
    public void visitEnd() {
        int bridgeAccess = Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;
        for (Bridge b : bridges) {
            Type[] params = Type.getArgumentTypes(b.descriptor());
            int locals = 0;
            for (Type t : params) locals += t.getSize();
            MethodVisitor mv = new MethodInstrumenter(cv.visitMethod(bridgeAccess, b.name(), b.descriptor(), null, null),
                    this, bridgeAccess, b.name(), b.descriptor(), locals);
            mv.visitCode();
            Label start = new Label();
            mv.visitLabel(start);
            if (b.line() > 0) mv.visitLineNumber(b.line(), start);
            int slot = 0;
            for (Type t : params) {
                mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
                slot += t.getSize();
            }
            Handle target = b.target();
            int opcode = switch (target.getTag()) {
                case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
                case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
                default -> Opcodes.INVOKEVIRTUAL;
            };
            mv.visitMethodInsn(opcode, target.getOwner(), target.getName(), target.getDesc(), target.isInterface());
            mv.visitInsn(Type.getReturnType(b.descriptor()).getOpcode(Opcodes.IRETURN));
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        super.visitEnd();
    }

    /** True for a program class: accesses, monitors and thread calls are recorded. */
    boolean isProgramClass() {
        return jdkRules == null;
    }

    /** What this class's instructions report, when it is a program class. */
    Recording recording() {
        return recording;
    }

    /** The model of a call made in method {@code inMethod} of this class, or null. */
    ModelledCall callModel(boolean isStatic, String owner, String name, String descriptor, String inMethod) {
        if (jdkRules == null) return CallModels.get().userCall(isStatic, owner, name, descriptor, types);
        return CallModels.scopedCall(jdkRules, inMethod, isStatic, owner, name, descriptor, types);
    }

    /** The JDK rule of {@code kind} for method {@code name descriptor} of this class, or null. */
    ModelledCall methodRule(ModelledCall.Kind kind, String name, String descriptor) {
        if (jdkRules == null) return null;
        for (ModelledCall c : jdkRules) {
            if (c.kind() == kind && c.name().equals(name)
                    && (c.descriptor() == null || c.descriptor().equals(descriptor))) {
                return c;
            }
        }
        return null;
    }

    /** The JDK rule for reads of field {@code owner.name} in this class, or null. */
    ModelledCall fieldReadRule(String owner, String name) {
        if (jdkRules == null) return null;
        for (ModelledCall c : jdkRules) {
            if (c.kind() == ModelledCall.Kind.FIELD_READ && c.owner().equals(owner) && c.name().equals(name)) return c;
        }
        return null;
    }

    int site(String method, int line, AccessKind kind, int field) {
        return symbols.site(new Site(className, method, sourceFile, line), kind, field);
    }

    ClassHierarchy.FieldInfo resolveField(String owner, String name) {
        return hierarchy.resolveField(loader, owner, name);
    }

    boolean isThread(String owner) {
        return hierarchy.isThread(loader, owner);
    }

    SymbolTable symbols() {
        return symbols;
    }

    String internalName() {
        return internalName;
    }

    /** Class files before Java 6 have no stack map frames. */
    boolean hasFrames() {
        return (version & 0xFFFF) >= Opcodes.V1_6;
    }

    /** {@code LDC SomeClass} needs class file version 49 (Java 5). */
    boolean canLoadClassConstant() {
        return (version & 0xFFFF) >= Opcodes.V1_5;
    }

    void changed() {
        changed = true;
    }

    /** {@code rule} put hooks into this class. */
    void applied(ModelledCall rule) {
        changed = true;
        if (rule != null) appliedRules.add(rule.id());
    }

    /**
     * The JDK rules naming exactly this class that found nothing to hook: the JDK changed under
     * the model, and the edges it gives are missing. Prefix rules are not counted (they need
     * not match every class they cover).
     */
    private static final int RUNNING_JDK = Runtime.version().feature();

    List<ModelledCall> unmatchedRules() {
        List<ModelledCall> out = new java.util.ArrayList<>();
        if (jdkRules == null) return out;
        for (ModelledCall c : jdkRules) {
            if (!c.inClass().endsWith("*") && !c.optional() && c.appliesTo(RUNNING_JDK) && !appliedRules.contains(c.id())) {
                out.add(c);
            }
        }
        return out;
    }

    boolean isChanged() {
        return changed;
    }
}
