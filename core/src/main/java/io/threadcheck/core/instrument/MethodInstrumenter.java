package io.threadcheck.core.instrument;

import static io.threadcheck.core.instrument.HookNames.*;

import io.threadcheck.core.model.ModelledCall;
import io.threadcheck.core.record.AccessKind;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites one method so that it reports to {@code Hooks}: field and array accesses before
 * they happen (volatile reads after), monitor enter after and exit before, the monitor of a
 * synchronized method on every exit (exceptional ones through a catch-all handler), thread
 * join, Object.wait, the extent of a static initialiser, and modelled library calls
 * ({@link ModelledCall}). In a JDK class only the model rules are applied.
 *
 * <p>Every insertion leaves the operand stack as it found it, so the method's own stack map
 * frames stay valid; only the catch-all handler adds a frame of its own.
 */
final class MethodInstrumenter extends MethodVisitor {

    private final ClassInstrumenter cls;
    private final String name;
    private final String descriptor;
    private final boolean isStatic;
    private final boolean exitHandler;   // synchronized method or static initialiser
    private final boolean synchronizedMethod;
    private final boolean clinit;
    private final boolean constructor;
    private final boolean program;       // a program class: record accesses, not just model rules
    private final boolean monitors;
    private final boolean accesses;      // plain field and array accesses are recorded
    private final boolean volatiles;     // volatile accesses are recorded
    private final ModelHookEmitter hooks;
    private final ModelledCall entryRule;
    private final ModelledCall exitRule;
    private final Label tryStart = new Label();
    private final Label tryEnd = new Label();
    private final Label handler = new Label();

    private boolean entered;
    private int entrySite = -1;   // registered before the first line number is known
    private int line;
    private int pendingNews;   // NEW instructions whose <init> has not been called yet
    private boolean thisInitialised;
    private boolean storesThis;

    MethodInstrumenter(MethodVisitor mv, ClassInstrumenter cls, int access, String name, String descriptor,
                       int spillBase) {
        super(Opcodes.ASM9, mv);
        this.cls = cls;
        this.name = name;
        this.descriptor = descriptor;
        this.hooks = new ModelHookEmitter(mv, spillBase);
        this.program = cls.isProgramClass();
        this.monitors = program || cls.methodRule(ModelledCall.Kind.MONITORS, "*", null) != null;
        this.accesses = program && cls.recording().accesses();
        this.volatiles = program && cls.recording().volatiles();
        this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
        this.synchronizedMethod = monitors && (access & Opcodes.ACC_SYNCHRONIZED) != 0
                && (!isStatic || cls.canLoadClassConstant());
        this.clinit = program && name.equals("<clinit>");
        this.constructor = name.equals("<init>");
        this.exitHandler = synchronizedMethod || clinit;
        // 'this' is uninitialised at a constructor's entry: no entry rules there.
        this.entryRule = constructor ? null : cls.methodRule(ModelledCall.Kind.ENTRY, name, descriptor);
        this.exitRule = cls.methodRule(ModelledCall.Kind.EXIT, name, descriptor);
        this.thisInitialised = !constructor;
    }

    // The catch-all entry must come after the method's own handlers in the exception table,
    // and those are visited before the first instruction: so enter lazily, at the first
    // label, line or instruction.
    private void enter() {
        if (entered) return;
        entered = true;
        if (entryRule != null) {
            hooks.methodEntry(entryRule, site(AccessKind.API_CALL, entryRule.id()), isStatic, descriptor);
            cls.applied(entryRule);
        }
        if (!exitHandler) return;
        super.visitTryCatchBlock(tryStart, tryEnd, handler, null);
        if (clinit) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "clinitEnter", NONE, false);
        } else {
            pushMonitor();
            entrySite = site(AccessKind.MONITOR_ENTER, -1);
            push(entrySite);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "monitorEnter", OBJ_SITE, false);
        }
        super.visitLabel(tryStart);
        cls.changed();
    }

    private void exitHook(AccessKind kind) {
        if (clinit) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "clinitExit", NONE, false);
        } else {
            pushMonitor();
            push(site(kind, -1));
            super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "monitorExit", OBJ_SITE, false);
        }
    }

    private void pushMonitor() {
        if (isStatic) super.visitLdcInsn(Type.getObjectType(cls.internalName()));
        else super.visitVarInsn(Opcodes.ALOAD, 0);
    }

    @Override
    public void visitLabel(Label label) {
        enter();
        super.visitLabel(label);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        if (entrySite >= 0 && this.line == 0) cls.symbols().setLine(entrySite, line);
        this.line = line;
        super.visitLineNumber(line, start);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        enter();
        super.visitFrame(type, numLocal, local, numStack, stack);
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
        enter();
        if (var == 0 && opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE) storesThis = true;
        super.visitVarInsn(opcode, var);
    }

    @Override
    public void visitIincInsn(int var, int increment) {
        enter();
        if (var == 0) storesThis = true;
        super.visitIincInsn(var, increment);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        enter();
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        enter();
        if (opcode == Opcodes.NEW) pendingNews++;
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        enter();
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        enter();
        super.visitLdcInsn(value);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        enter();
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        enter();
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        enter();
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... args) {
        enter();
        Handle target = methodReferenceTarget(bsm, args);
        if (target != null) {
            // A method reference to a modelled method (queue::add) is called from a class the JVM
            // spins, which is never instrumented: route it through a bridge of ours that makes
            // the same call as ordinary, hooked bytecode.
            Object[] bridged = args.clone();
            bridged[1] = cls.bridgeFor(target, this.name, line, descriptor);
            super.visitInvokeDynamicInsn(name, descriptor, bsm, bridged);
            cls.changed();
            return;
        }
        super.visitInvokeDynamicInsn(name, descriptor, bsm, args);
    }

    /**
     * The implementation method of a lambda-metafactory call site when it is a modelled method
     * that a bridge can call instead; null otherwise (lambdas with bodies of their own are
     * instrumented already; serializable ones name their implementation in
     * {@code $deserializeLambda$}, so they keep it).
     */
    private Handle methodReferenceTarget(Handle bsm, Object[] args) {
        if (!program || !cls.canAddMethods() || !bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory")
                || args.length < 3 || !(args[1] instanceof Handle target)) {
            return null;
        }
        if (bsm.getName().equals("altMetafactory")
                && (args.length < 4 || !(args[3] instanceof Integer flags) || (flags & 1) != 0)) {
            return null; // FLAG_SERIALIZABLE
        }
        int tag = target.getTag();
        boolean isStaticCall = tag == Opcodes.H_INVOKESTATIC;
        if (tag != Opcodes.H_INVOKEVIRTUAL && tag != Opcodes.H_INVOKEINTERFACE && !isStaticCall) return null;
        ModelledCall model = cls.callModel(isStaticCall, target.getOwner(), target.getName(), target.getDesc(), name);
        return model == null ? null : target;
    }

    @Override
    public void visitInsn(int opcode) {
        enter();
        if (exitRule != null && opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            hooks.methodExit(exitRule, site(AccessKind.API_CALL, exitRule.id()), isStatic, descriptor);
            cls.applied(exitRule);
        }
        if (!program) {
            if (monitors) monitorInsn(opcode);
            else super.visitInsn(opcode);
            return;
        }
        switch (opcode) {
            case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD,
                 Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD -> {
                if (!accesses) break;
                // [array, index]
                super.visitInsn(Opcodes.DUP2);
                push(site(AccessKind.ARRAY_READ, -1));
                super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "arrayRead", ARRAY, false);
                cls.changed();
            }
            case Opcodes.IASTORE, Opcodes.FASTORE, Opcodes.AASTORE, Opcodes.BASTORE,
                 Opcodes.CASTORE, Opcodes.SASTORE -> {
                if (!accesses) break;
                // [array, index, value] -> [array, index, value, array, index]
                super.visitInsn(Opcodes.DUP_X2);
                super.visitInsn(Opcodes.POP);
                super.visitInsn(Opcodes.DUP2_X1);
                arrayWriteHook();
            }
            case Opcodes.LASTORE, Opcodes.DASTORE -> {
                if (!accesses) break;
                // [array, index, wide value] -> [array, index, wide value, array, index]
                super.visitInsn(Opcodes.DUP2_X2);
                super.visitInsn(Opcodes.POP2);
                super.visitInsn(Opcodes.DUP2_X2);
                arrayWriteHook();
            }
            case Opcodes.MONITORENTER, Opcodes.MONITOREXIT, Opcodes.IRETURN, Opcodes.LRETURN, Opcodes.FRETURN,
                 Opcodes.DRETURN, Opcodes.ARETURN, Opcodes.RETURN -> {
                monitorInsn(opcode);
                return;
            }
            default -> { }
        }
        super.visitInsn(opcode);
    }

    /**
     * A monitor instruction, or a return (which leaves a synchronized method's monitor): in a
     * program class, or in a JDK class whose monitors are modelled.
     */
    private void monitorInsn(int opcode) {
        if (opcode == Opcodes.MONITORENTER || exitHandler) cls.applied(cls.methodRule(ModelledCall.Kind.MONITORS, "*", null));
        if (opcode == Opcodes.MONITORENTER) {
            // [lock] -> request(lock); enter(lock); entered(lock): one site for both hooks.
            int site = site(AccessKind.MONITOR_ENTER, -1);
            super.visitInsn(Opcodes.DUP);
            super.visitInsn(Opcodes.DUP);
            push(site);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "monitorRequest", OBJ_SITE, false);
            super.visitInsn(opcode);
            push(site);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "monitorEnter", OBJ_SITE, false);
            cls.changed();
            return;
        }
        if (opcode == Opcodes.MONITOREXIT) {
            super.visitInsn(Opcodes.DUP);
            push(site(AccessKind.MONITOR_EXIT, -1));
            super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "monitorExit", OBJ_SITE, false);
            cls.changed();
        } else if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN && exitHandler) {
            exitHook(AccessKind.MONITOR_EXIT);
        }
        super.visitInsn(opcode);
    }

    private void arrayWriteHook() {
        push(site(AccessKind.ARRAY_WRITE, -1));
        super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "arrayWrite", ARRAY, false);
        cls.changed();
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String fieldName, String descriptor) {
        enter();
        if (!program) {
            ModelledCall rule = opcode == Opcodes.GETFIELD ? cls.fieldReadRule(owner, fieldName) : null;
            if (rule == null) {
                super.visitFieldInsn(opcode, owner, fieldName, descriptor);
                return;
            }
            hooks.fieldRead(rule, site(AccessKind.API_CALL, rule.id()), opcode, owner, fieldName, descriptor);
            cls.applied(rule);
            return;
        }
        ClassHierarchy.FieldInfo field = cls.resolveField(owner, fieldName);
        boolean beforeSuper = !thisInitialised && owner.equals(cls.internalName());
        if ((field != null && field.isFinal()) || beforeSuper) {
            // Final fields cannot race once constructed; fields of an uninitialised 'this'
            // cannot be passed to a hook (the verifier forbids it) and no other thread sees them.
            super.visitFieldInsn(opcode, owner, fieldName, descriptor);
            return;
        }
        boolean isVolatile = field != null && field.isVolatile();
        if (isVolatile ? !volatiles : !accesses) {
            super.visitFieldInsn(opcode, owner, fieldName, descriptor);
            return;
        }
        String declaring = (field != null ? field.declaringClass() : owner).replace('/', '.');
        int fieldId = cls.symbols().field(declaring, fieldName);
        boolean wide = descriptor.equals("J") || descriptor.equals("D");
        switch (opcode) {
            case Opcodes.GETSTATIC -> {
                if (isVolatile) {
                    super.visitFieldInsn(opcode, owner, fieldName, descriptor);
                    hook("volatileReadStatic", SITE, AccessKind.VOLATILE_READ, fieldId);
                    return;
                }
                hook("readStatic", SITE, AccessKind.FIELD_READ, fieldId);
            }
            case Opcodes.PUTSTATIC -> hook(isVolatile ? "volatileWriteStatic" : "writeStatic", SITE,
                    isVolatile ? AccessKind.VOLATILE_WRITE : AccessKind.FIELD_WRITE, fieldId);
            case Opcodes.GETFIELD -> {
                if (isVolatile) {
                    // [obj] -> [obj, value] -> [value, obj] -> hook -> [value]
                    super.visitInsn(Opcodes.DUP);
                    super.visitFieldInsn(opcode, owner, fieldName, descriptor);
                    if (wide) {
                        super.visitInsn(Opcodes.DUP2_X1);
                        super.visitInsn(Opcodes.POP2);
                    } else {
                        super.visitInsn(Opcodes.SWAP);
                    }
                    hook("volatileRead", OBJ_SITE, AccessKind.VOLATILE_READ, fieldId);
                    return;
                }
                super.visitInsn(Opcodes.DUP);
                hook("read", OBJ_SITE, AccessKind.FIELD_READ, fieldId);
            }
            case Opcodes.PUTFIELD -> {
                // [obj, value] -> [obj, value, obj]
                if (wide) {
                    super.visitInsn(Opcodes.DUP2_X1);
                    super.visitInsn(Opcodes.POP2);
                    super.visitInsn(Opcodes.DUP_X2);
                } else {
                    super.visitInsn(Opcodes.DUP2);
                    super.visitInsn(Opcodes.POP);
                }
                hook(isVolatile ? "volatileWrite" : "write", OBJ_SITE,
                        isVolatile ? AccessKind.VOLATILE_WRITE : AccessKind.FIELD_WRITE, fieldId);
            }
            default -> { }
        }
        super.visitFieldInsn(opcode, owner, fieldName, descriptor);
    }

    private void hook(String hook, String descriptor, AccessKind kind, int fieldId) {
        push(site(kind, fieldId));
        super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, hook, descriptor, false);
        cls.changed();
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String method, String descriptor, boolean isInterface) {
        enter();
        if (opcode != Opcodes.INVOKESPECIAL) {
            ModelledCall model = cls.callModel(opcode == Opcodes.INVOKESTATIC, owner, method, descriptor, name);
            if (model != null) {
                hooks.call(model, site(AccessKind.API_CALL, model.id()), opcode, owner, method, descriptor, isInterface);
                cls.applied(model);
                return;
            }
        }
        if (!program) {
            super.visitMethodInsn(opcode, owner, method, descriptor, isInterface);
            return;
        }
        if (opcode == Opcodes.INVOKESPECIAL && method.equals("<init>")) {
            if (pendingNews > 0) pendingNews--;
            else thisInitialised = true;
        } else if (isWait(opcode, method, descriptor)) {
            // Object.wait is final: a static wrapper is always the same call.
            push(site(AccessKind.WAIT, -1));
            super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "wait", waitDescriptor(descriptor), false);
            cls.changed();
            return;
        } else if (opcode == Opcodes.INVOKEVIRTUAL && isJoin(method, descriptor) && cls.isThread(owner)) {
            // Thread.join is final too.
            push(site(AccessKind.THREAD_JOIN, -1));
            super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "join", joinDescriptor(descriptor), false);
            cls.changed();
            return;
        }
        super.visitMethodInsn(opcode, owner, method, descriptor, isInterface);
    }

    private static boolean isWait(int opcode, String method, String descriptor) {
        return (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE)
                && method.equals("wait")
                && (descriptor.equals("()V") || descriptor.equals("(J)V") || descriptor.equals("(JI)V"));
    }

    private static boolean isJoin(String method, String descriptor) {
        return method.equals("join")
                && (descriptor.equals("()V") || descriptor.equals("(J)V") || descriptor.equals("(JI)V"));
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (exitHandler && entered) {
            if (synchronizedMethod && !isStatic && storesThis) {
                // The handler needs 'this' in local 0; this method overwrites it.
                throw new ClassInstrumenter.SkipMethod(name + descriptor);
            }
            super.visitLabel(tryEnd);
            super.visitLabel(handler);
            if (cls.hasFrames()) {
                Object[] locals = isStatic ? new Object[0] : new Object[] {cls.internalName()};
                super.visitFrame(Opcodes.F_FULL, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
            }
            exitHook(AccessKind.MONITOR_EXIT);
            super.visitInsn(Opcodes.ATHROW);
        }
        super.visitMaxs(maxStack, maxLocals);
    }

    private int site(AccessKind kind, int field) {
        return cls.site(name, line, kind, field);
    }

    private void push(int value) {
        ModelHookEmitter.push(mv, value);
    }
}
