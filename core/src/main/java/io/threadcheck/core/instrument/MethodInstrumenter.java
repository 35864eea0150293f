package io.threadcheck.core.instrument;

import static io.threadcheck.core.instrument.HookNames.*;

import io.threadcheck.core.model.ModelledCall;
import io.threadcheck.core.record.AccessKind;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    // A monitorEnter hook must run inside the range of the handler that exits the monitor
    // (see SynchronizedBlockRanges): after javac's "dup; astore n; monitorenter" it waits for
    // the next label, where that range starts, and loads the lock from local n.
    private int prologue;                 // 1 after DUP, 2 after DUP; ASTORE prologueLocal
    private int prologueLocal;
    private int pendingEnterSite = -1;    // monitorEnter hook not yet emitted
    private int pendingEnterLocal;
    private final List<Label> heldLabels = new ArrayList<>(2);
    private final List<Object> heldLines = new ArrayList<>(2);   // line, label, line, label...
    private final SynchronizedBlockRanges ranges;
    private SynchronizedBlockRanges.Handler openHandler;   // our handler placed, its frame not yet seen
    private boolean exitRecorded;         // in javac's handler after ours recorded the monitor exit

    MethodInstrumenter(MethodVisitor mv, ClassInstrumenter cls, int access, String name, String descriptor,
                       int spillBase) {
        super(Opcodes.ASM9, mv);
        this.cls = cls;
        this.name = name;
        this.descriptor = descriptor;
        this.hooks = new ModelHookEmitter(mv, spillBase);
        this.program = cls.isProgramClass();
        this.monitors = program || cls.methodRule(ModelledCall.Kind.MONITORS, "*", null) != null;
        this.ranges = new SynchronizedBlockRanges(mv, monitors);
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
        ranges.flush();
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
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        ranges.add(start, end, handler, type);
    }

    @Override
    public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath, String descriptor,
                                                     boolean visible) {
        ranges.flush();   // the annotation belongs to the last range written
        return super.visitTryCatchAnnotation(typeRef, typePath, descriptor, visible);
    }

    @Override
    public void visitLabel(Label label) {
        enter();
        prologue = 0;
        exitRecorded = false;
        if (pendingEnterSite >= 0 && heldLines.isEmpty()) {
            heldLabels.add(label);
            return;
        }
        releaseEnterHook();
        placeLabel(label);
    }

    /** A label of the method, after the label of ours that starts the ranges it starts. */
    private void placeLabel(Label label) {
        SynchronizedBlockRanges.Handler handler = ranges.handlerAt(label);
        if (handler != null) {
            // Our handler goes first, under the original's frame; the original follows it.
            super.visitLabel(handler.ours);
            openHandler = handler;
            if (!cls.hasFrames()) closeHandler(Opcodes.F_SAME1, null, null);
            return;
        }
        Label ours = ranges.takeStart(label);
        if (ours != null) super.visitLabel(ours);
        super.visitLabel(label);
    }

    /**
     * Our handler's code, then javac's handler with a frame that repeats ours (same locals, the
     * exception on the stack): [exception] monitorExit hook (covered by javac's handler), exit
     * the monitor, rethrow. Without the lock's local, it just jumps to javac's handler.
     */
    private void closeHandler(int frameType, Object[] locals, Object stackItem) {
        SynchronizedBlockRanges.Handler handler = openHandler;
        openHandler = null;
        if (handler.lockLocal >= 0) {
            super.visitVarInsn(Opcodes.ALOAD, handler.lockLocal);
            push(site(AccessKind.MONITOR_EXIT, -1));
            super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "monitorExit", OBJ_SITE, false);
            super.visitLabel(handler.oursEnd);
            super.visitVarInsn(Opcodes.ALOAD, handler.lockLocal);
            super.visitInsn(Opcodes.MONITOREXIT);
            super.visitInsn(Opcodes.ATHROW);
        } else {
            super.visitJumpInsn(Opcodes.GOTO, handler.original);
            super.visitLabel(handler.oursEnd);
        }
        cls.changed();
        Label ours = ranges.takeStart(handler.original);
        if (ours != null) super.visitLabel(ours);
        super.visitLabel(handler.original);
        exitRecorded = handler.lockLocal >= 0;
        if (stackItem == null) return;
        if (frameType == Opcodes.F_NEW) {
            super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {stackItem});
        } else {
            super.visitFrame(Opcodes.F_SAME1, 0, null, 1, new Object[] {stackItem});
        }
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        if (entrySite >= 0 && this.line == 0) cls.symbols().setLine(entrySite, line);
        this.line = line;
        if (pendingEnterSite >= 0 && !heldLabels.isEmpty()) {
            heldLines.add(line);
            heldLines.add(start);
            return;
        }
        if (openHandler != null && start == openHandler.original) start = openHandler.ours;
        super.visitLineNumber(line, start);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        enter();
        prologue = 0;
        releaseEnterHook();
        super.visitFrame(type, numLocal, local, numStack, stack);
        if (openHandler != null && numStack == 1) {
            closeHandler(type, type == Opcodes.F_NEW ? Arrays.copyOf(local, numLocal) : null, stack[0]);
        }
    }

    /** Before an instruction: the method's entry, a waiting monitorEnter hook; returns the prologue state. */
    private int insn() {
        enter();
        releaseEnterHook();
        if (openHandler != null) closeHandler(Opcodes.F_SAME1, null, null);   // no frames in this class
        int seen = prologue;
        prologue = 0;
        return seen;
    }

    /**
     * Emits the waiting monitorEnter hook with the labels and lines held back since MONITORENTER:
     * the ranges that start at those labels start before the hook (even when a frame follows:
     * a loop at the block's start jumps to the original label, after the hook).
     */
    private void releaseEnterHook() {
        if (pendingEnterSite < 0) return;
        for (Label label : heldLabels) {
            Label ours = ranges.takeStart(label);
            if (ours != null) super.visitLabel(ours);
            ranges.monitorIn(label, pendingEnterLocal);
        }
        super.visitVarInsn(Opcodes.ALOAD, pendingEnterLocal);
        push(pendingEnterSite);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "monitorEnter", OBJ_SITE, false);
        cls.changed();
        pendingEnterSite = -1;
        for (Label label : heldLabels) placeLabel(label);
        for (int i = 0; i < heldLines.size(); i += 2) {
            super.visitLineNumber((Integer) heldLines.get(i), (Label) heldLines.get(i + 1));
        }
        heldLabels.clear();
        heldLines.clear();
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
        if (insn() == 1 && opcode == Opcodes.ASTORE) {
            prologue = 2;
            prologueLocal = var;
        }
        if (var == 0 && opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE) storesThis = true;
        super.visitVarInsn(opcode, var);
    }

    @Override
    public void visitIincInsn(int var, int increment) {
        insn();
        if (var == 0) storesThis = true;
        super.visitIincInsn(var, increment);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        insn();
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        insn();
        if (opcode == Opcodes.NEW) pendingNews++;
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        insn();
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        insn();
        super.visitLdcInsn(value);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        insn();
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        insn();
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        insn();
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... args) {
        insn();
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
        int lockLocal = insn() == 2 ? prologueLocal : -1;
        if (opcode == Opcodes.DUP) prologue = 1;
        if (exitRule != null && opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            hooks.methodExit(exitRule, site(AccessKind.API_CALL, exitRule.id()), isStatic, descriptor);
            cls.applied(exitRule);
        }
        if (!program) {
            if (monitors) monitorInsn(opcode, lockLocal);
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
                monitorInsn(opcode, lockLocal);
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
    private void monitorInsn(int opcode, int lockLocal) {
        if (opcode == Opcodes.MONITORENTER || exitHandler) cls.applied(cls.methodRule(ModelledCall.Kind.MONITORS, "*", null));
        if (opcode == Opcodes.MONITORENTER && lockLocal >= 0) {
            // [lock] -> request(lock); enter(lock); the entered hook waits for the handler's range.
            int site = site(AccessKind.MONITOR_ENTER, -1);
            super.visitInsn(Opcodes.DUP);
            push(site);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "monitorRequest", OBJ_SITE, false);
            super.visitInsn(opcode);
            pendingEnterSite = site;
            pendingEnterLocal = lockLocal;
            cls.changed();
            return;
        }
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
        if (opcode == Opcodes.MONITOREXIT && exitRecorded) {
            exitRecorded = false;   // our handler in front recorded this exit
        } else if (opcode == Opcodes.MONITOREXIT) {
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
        insn();
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
        insn();
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
        releaseEnterHook();
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
