package io.threadcheck.core.instrument;

import static io.threadcheck.core.instrument.HookNames.API_AFTER;
import static io.threadcheck.core.instrument.HookNames.API_BEFORE;
import static io.threadcheck.core.instrument.HookNames.OWNER;

import io.threadcheck.core.model.ModelledCall;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Emits the hooks of model rules ({@link ModelledCall}) into one method: around a modelled
 * call, at the method's entry or exits, after a modelled field read. Operands the hooks need
 * again after the instruction are kept in locals from {@code spillBase} (the method's own
 * locals end there); each use is a straight run of code, so no stack map frame ever sees them.
 */
final class ModelHookEmitter {

    private final MethodVisitor out;
    private final int spillBase;

    ModelHookEmitter(MethodVisitor out, int spillBase) {
        this.out = out;
        this.spillBase = spillBase;
    }

    /**
     * A modelled call: its receiver and arguments go to locals, the before-hook gets the
     * selected ones, they are reloaded for the call, and the after-hook gets them again with
     * the result (kept in one more local).
     */
    void call(ModelledCall model, int site, int opcode, String owner, String method, String desc, boolean isInterface) {
        boolean staticCall = opcode == Opcodes.INVOKESTATIC;
        Type[] params = Type.getArgumentTypes(desc);
        int first = spillBase + (staticCall ? 0 : 1);
        int[] slots = slots(params, first);
        int resultSlot = first;
        for (Type t : params) resultSlot += t.getSize();
        int recvSlot = staticCall ? -1 : spillBase;
        for (int i = params.length - 1; i >= 0; i--) out.visitVarInsn(params[i].getOpcode(Opcodes.ISTORE), slots[i]);
        if (!staticCall) out.visitVarInsn(Opcodes.ASTORE, spillBase);
        if (model.before()) before(model, site, recvSlot, params, slots);
        if (!staticCall) out.visitVarInsn(Opcodes.ALOAD, spillBase);
        for (int i = 0; i < params.length; i++) out.visitVarInsn(params[i].getOpcode(Opcodes.ILOAD), slots[i]);
        out.visitMethodInsn(opcode, owner, method, desc, isInterface);
        if (model.after()) after(model, site, recvSlot, params, slots, Type.getReturnType(desc), resultSlot);
    }

    /** An ENTRY rule of a JDK method with {@code descriptor}: the before-hook, on its own parameters. */
    void methodEntry(ModelledCall rule, int site, boolean isStatic, String descriptor) {
        Type[] params = Type.getArgumentTypes(descriptor);
        before(rule, site, isStatic ? -1 : 0, params, slots(params, isStatic ? 0 : 1));
    }

    /** An EXIT rule, just before a return: the after-hook, with the value about to be returned. */
    void methodExit(ModelledCall rule, int site, boolean isStatic, String descriptor) {
        Type[] params = Type.getArgumentTypes(descriptor);
        after(rule, site, isStatic ? -1 : 0, params, slots(params, isStatic ? 0 : 1),
                Type.getReturnType(descriptor), spillBase);
    }

    /**
     * A FIELD_READ rule: [obj] -> [obj, value] -> [value, obj] -> hook(obj, ..., value) -> [value];
     * the value read is the hook's result (kept in a local meanwhile).
     */
    void fieldRead(ModelledCall rule, int site, int opcode, String owner, String name, String descriptor) {
        Type type = Type.getType(descriptor);
        out.visitInsn(Opcodes.DUP);
        out.visitFieldInsn(opcode, owner, name, descriptor);
        keepResult(type, spillBase);
        if (type.getSize() == 2) {
            out.visitInsn(Opcodes.DUP2_X1);
            out.visitInsn(Opcodes.POP2);
        } else {
            out.visitInsn(Opcodes.SWAP);
        }
        pushNoArgs();
        pushResult(type, spillBase);
        push(out, site);
        out.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "apiAfter", API_AFTER, false);
    }

    private void before(ModelledCall model, int site, int recvSlot, Type[] params, int[] slots) {
        pushHookOperands(model, recvSlot, params, slots);
        push(out, site);
        out.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "apiBefore", API_BEFORE, false);
    }

    private void after(ModelledCall model, int site, int recvSlot, Type[] params, int[] slots, Type ret,
                       int resultSlot) {
        keepResult(ret, resultSlot);
        pushHookOperands(model, recvSlot, params, slots);
        pushResult(ret, resultSlot);
        push(out, site);
        out.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "apiAfter", API_AFTER, false);
    }

    /** The local of each parameter when they are laid out from {@code first}. */
    private static int[] slots(Type[] params, int first) {
        int[] slots = new int[params.length];
        int next = first;
        for (int i = 0; i < params.length; i++) {
            slots[i] = next;
            next += params[i].getSize();
        }
        return slots;
    }

    /** Pushes recv, a0, a1, n0, n1, n2 as {@code model} selects them (null / 0 when not). */
    private void pushHookOperands(ModelledCall model, int recvSlot, Type[] params, int[] slots) {
        if (recvSlot < 0) out.visitInsn(Opcodes.ACONST_NULL);
        else out.visitVarInsn(Opcodes.ALOAD, recvSlot);
        // A rule without a descriptor (VarHandle's signature-polymorphic methods, every overload of
        // a JDK method) may select a parameter this descriptor lacks or types otherwise: null / 0.
        for (int k = 0; k < 2; k++) {
            int i = k < model.refArgs().length ? model.refArgs()[k] : -1;
            if (i >= 0 && i < params.length && params[i].getSort() >= Type.ARRAY) {
                out.visitVarInsn(Opcodes.ALOAD, slots[i]);
            } else {
                out.visitInsn(Opcodes.ACONST_NULL);
            }
        }
        for (int k = 0; k < 3; k++) {
            int i = k < model.numArgs().length ? model.numArgs()[k] : -1;
            if (i >= 0 && i < params.length && isIntegral(params[i])) {
                out.visitVarInsn(params[i].getOpcode(Opcodes.ILOAD), slots[i]);
                if (params[i].getSort() != Type.LONG) out.visitInsn(Opcodes.I2L);
            } else {
                out.visitInsn(Opcodes.LCONST_0);
            }
        }
    }

    private static boolean isIntegral(Type t) {
        int sort = t.getSort();
        return sort >= Type.BOOLEAN && sort <= Type.LONG && sort != Type.FLOAT;
    }

    /** Pushes empty a0, a1, n0, n1, n2 (the receiver is already on the stack). */
    private void pushNoArgs() {
        out.visitInsn(Opcodes.ACONST_NULL);
        out.visitInsn(Opcodes.ACONST_NULL);
        out.visitInsn(Opcodes.LCONST_0);
        out.visitInsn(Opcodes.LCONST_0);
        out.visitInsn(Opcodes.LCONST_0);
    }

    private void keepResult(Type ret, int slot) {
        switch (ret.getSort()) {
            case Type.VOID, Type.FLOAT, Type.DOUBLE -> { }
            case Type.LONG -> {
                out.visitInsn(Opcodes.DUP2);
                out.visitVarInsn(Opcodes.LSTORE, slot);
            }
            case Type.OBJECT, Type.ARRAY -> {
                out.visitInsn(Opcodes.DUP);
                out.visitVarInsn(Opcodes.ASTORE, slot);
            }
            default -> {
                out.visitInsn(Opcodes.DUP);
                out.visitVarInsn(Opcodes.ISTORE, slot);
            }
        }
    }

    private void pushResult(Type ret, int slot) {
        switch (ret.getSort()) {
            case Type.VOID, Type.FLOAT, Type.DOUBLE -> {
                out.visitInsn(Opcodes.ACONST_NULL);
                out.visitInsn(Opcodes.LCONST_0);
            }
            case Type.LONG -> {
                out.visitInsn(Opcodes.ACONST_NULL);
                out.visitVarInsn(Opcodes.LLOAD, slot);
            }
            case Type.OBJECT, Type.ARRAY -> {
                out.visitVarInsn(Opcodes.ALOAD, slot);
                out.visitInsn(Opcodes.LCONST_0);
            }
            default -> {
                out.visitInsn(Opcodes.ACONST_NULL);
                out.visitVarInsn(Opcodes.ILOAD, slot);
                out.visitInsn(Opcodes.I2L);
            }
        }
    }

    /** Pushes an int constant in its shortest form. */
    static void push(MethodVisitor out, int value) {
        if (value >= -1 && value <= 5) out.visitInsn(Opcodes.ICONST_0 + value);
        else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) out.visitIntInsn(Opcodes.BIPUSH, value);
        else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) out.visitIntInsn(Opcodes.SIPUSH, value);
        else out.visitLdcInsn(value);
    }
}
