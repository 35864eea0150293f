package io.threadcheck.core.instrument;

/** Names and descriptors of {@link io.threadcheck.core.record.Hooks}, as instrumented code calls them. */
final class HookNames {
    static final String OWNER = "io/threadcheck/core/record/Hooks";

    static final String OBJ_SITE = "(Ljava/lang/Object;I)V";
    static final String SITE = "(I)V";
    static final String ARRAY = "(Ljava/lang/Object;II)V";
    static final String START = "(Ljava/lang/Thread;I)V";
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
