package io.threadcheck.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every modelled call, by id. Built once from the model families; the instrumenter finds the
 * calls to hook here and the recorder finds, by id, the model to run.
 *
 * <p>A family adds its calls through {@link Builder}; see {@link ModelledCall} for the kinds.
 */
public final class CallModels {

    /** Answers whether {@code owner} is {@code root} or a subtype of it (internal names). */
    public interface TypeTest {
        boolean isSubtype(String owner, String root);
    }

    private static final CallModels INSTANCE = build();

    private final ModelledCall[] byId;
    private final Map<String, List<ModelledCall>> userCallsByName = new HashMap<>();
    private final Map<String, List<ModelledCall>> jdkByClass = new HashMap<>();
    private final List<ModelledCall> jdkByPrefix = new ArrayList<>();

    private CallModels(List<ModelledCall> all) {
        this.byId = all.toArray(new ModelledCall[0]);
        for (ModelledCall c : all) {
            if (c.inClass() == null) {
                listIn(userCallsByName, c.name()).add(c);
            } else if (c.inClass().endsWith("*")) {
                jdkByPrefix.add(c);
            } else {
                listIn(jdkByClass, c.inClass()).add(c);
            }
        }
    }

    // No lambdas here: this class is first used inside a class transformation.
    private static List<ModelledCall> listIn(Map<String, List<ModelledCall>> map, String key) {
        List<ModelledCall> list = map.get(key);
        if (list == null) map.put(key, list = new ArrayList<>());
        return list;
    }

    public static CallModels get() {
        return INSTANCE;
    }

    private static CallModels build() {
        Builder b = new Builder();
        ThreadModels.register(b);
        LockModels.register(b);
        SynchronizerModels.register(b);
        AtomicModels.register(b);
        AccessModels.register(b);
        CollectionModels.register(b);
        TaskModels.register(b);
        return new CallModels(b.build());
    }

    public ModelledCall byId(int id) {
        return id >= 0 && id < byId.length ? byId[id] : null;
    }

    public int size() {
        return byId.length;
    }

    /** The model for a call in program code, or null. */
    public ModelledCall userCall(boolean isStatic, String owner, String name, String descriptor, TypeTest types) {
        return find(userCallsByName.get(name), isStatic, owner, name, descriptor, null, types);
    }

    /** The rules for JDK class {@code internalName}: its own (ENTRY, EXIT, FIELD_READ, scoped CALL). Empty when none. */
    public List<ModelledCall> jdkRules(String internalName) {
        List<ModelledCall> exact = jdkByClass.get(internalName);
        List<ModelledCall> out = exact == null ? new ArrayList<>() : new ArrayList<>(exact);
        for (ModelledCall c : jdkByPrefix) {
            String prefix = c.inClass().substring(0, c.inClass().length() - 1);
            if (internalName.startsWith(prefix)) out.add(c);
        }
        return out;
    }

    /** True when some JDK class needs instrumenting for {@code internalName}. */
    public boolean hasJdkRules(String internalName) {
        if (jdkByClass.containsKey(internalName)) return true;
        for (ModelledCall c : jdkByPrefix) {
            if (internalName.startsWith(c.inClass().substring(0, c.inClass().length() - 1))) return true;
        }
        return false;
    }

    /** The internal names of JDK classes with rules (prefix rules excluded), to retransform at start. */
    public List<String> jdkClasses() {
        return new ArrayList<>(jdkByClass.keySet());
    }

    /** The prefixes of JDK class rules ({@code java/util/concurrent/ForkJoinTask$}), to retransform at start. */
    public List<String> jdkClassPrefixes() {
        List<String> out = new ArrayList<>();
        for (ModelledCall c : jdkByPrefix) out.add(c.inClass().substring(0, c.inClass().length() - 1));
        return out;
    }

    /** A CALL rule among {@code rules} that matches, or null. {@code method} is the calling method. */
    public static ModelledCall scopedCall(List<ModelledCall> rules, String method, boolean isStatic, String owner,
                                          String name, String descriptor, TypeTest types) {
        return find(rules, isStatic, owner, name, descriptor, method, types);
    }

    private static ModelledCall find(List<ModelledCall> candidates, boolean isStatic, String owner, String name,
                                     String descriptor, String inMethod, TypeTest types) {
        if (candidates == null) return null;
        for (ModelledCall c : candidates) {
            if (c.kind() != ModelledCall.Kind.CALL || !c.name().equals(name) || c.isStatic() != isStatic
                    || (c.descriptor() != null && !c.descriptor().equals(descriptor))) {
                continue;
            }
            if (c.inMethod() != null && !c.inMethod().equals(inMethod)) continue;
            if (isStatic ? c.owner().equals(owner) : types.isSubtype(owner, c.owner())) return c;
        }
        return null;
    }

    /** Collects a family's calls. */
    public static final class Builder {
        private final List<Spec> specs = new ArrayList<>();

        /**
         * Calls of instance method {@code owner.name descriptor} (and overrides) in program code. A
         * null descriptor matches every descriptor (VarHandle's signature-polymorphic methods);
         * selected arguments the actual descriptor lacks, or types differently, arrive as null / 0.
         */
        public Spec call(ApiModel model, int op, String owner, String name, String descriptor) {
            return add(new Spec(ModelledCall.Kind.CALL, model, op, owner, name, descriptor, false));
        }

        /** Calls of static method {@code owner.name descriptor} in program code. */
        public Spec staticCall(ApiModel model, int op, String owner, String name, String descriptor) {
            return add(new Spec(ModelledCall.Kind.CALL, model, op, owner, name, descriptor, true));
        }

        /** Entry of JDK method {@code cls.name descriptor} (descriptor null: every overload). */
        public Spec entry(ApiModel model, int op, String cls, String name, String descriptor) {
            return add(new Spec(ModelledCall.Kind.ENTRY, model, op, cls, name, descriptor, false).in(cls).before());
        }

        /** Normal exits of JDK method {@code cls.name descriptor} (descriptor null: every overload). */
        public Spec exit(ApiModel model, int op, String cls, String name, String descriptor) {
            return add(new Spec(ModelledCall.Kind.EXIT, model, op, cls, name, descriptor, false).in(cls).after());
        }

        /**
         * Reads of field {@code owner.name} inside JDK class {@code cls} (a trailing * matches a
         * prefix); the model's {@code after} gets the object read from and the value read.
         */
        public Spec fieldRead(ApiModel model, int op, String cls, String owner, String name) {
            return add(new Spec(ModelledCall.Kind.FIELD_READ, model, op, owner, name, null, false).in(cls).after());
        }

        /** Records the monitors (synchronized methods and blocks) of JDK class {@code cls}. */
        public void monitors(String cls) {
            add(new Spec(ModelledCall.Kind.MONITORS, new ApiModel() { }, 0, cls, "*", null, false).in(cls));
        }

        private Spec add(Spec s) {
            specs.add(s);
            return s;
        }

        List<ModelledCall> build() {
            List<ModelledCall> out = new ArrayList<>(specs.size());
            for (Spec s : specs) {
                out.add(new ModelledCall(out.size(), s.kind, s.inClass, s.inMethod, s.owner, s.name, s.descriptor,
                        s.isStatic, s.refArgs, s.numArgs, s.before, s.after, s.optional, s.sinceJdk, s.untilJdk,
                        s.model, s.op));
            }
            return out;
        }
    }

    /** One call being described; chain its setters. */
    public static final class Spec {
        final ModelledCall.Kind kind;
        final ApiModel model;
        final int op;
        final String owner;
        final String name;
        final String descriptor;
        final boolean isStatic;
        String inClass;
        String inMethod;
        int[] refArgs = new int[0];
        int[] numArgs = new int[0];
        boolean before;
        boolean after;
        boolean optional;
        int sinceJdk = 0;
        int untilJdk = Integer.MAX_VALUE;

        Spec(ModelledCall.Kind kind, ApiModel model, int op, String owner, String name, String descriptor,
             boolean isStatic) {
            this.kind = kind;
            this.model = model;
            this.op = op;
            this.owner = owner;
            this.name = name;
            this.descriptor = descriptor;
            this.isStatic = isStatic;
        }

        /** Parameters passed as {@code a0}, {@code a1}. */
        public Spec refArgs(int... indexes) {
            this.refArgs = indexes;
            return this;
        }

        /** Parameters passed as {@code n0..n2}. */
        public Spec numArgs(int... indexes) {
            this.numArgs = indexes;
            return this;
        }

        public Spec before() {
            this.before = true;
            return this;
        }

        public Spec after() {
            this.after = true;
            return this;
        }

        /**
         * A JDK rule that may match nothing: one row of a table applied wholesale to classes of
         * which only some have the call. Rules are otherwise expected to match (see
         * {@code JdkRuleCoverageTest}).
         */
        public Spec optional() {
            this.optional = true;
            return this;
        }

        /** A JDK rule for what JDK feature release {@code feature} introduced. */
        public Spec since(int feature) {
            this.sinceJdk = feature;
            return this;
        }

        /** A JDK rule for what the JDK removed after feature release {@code feature}. */
        public Spec until(int feature) {
            this.untilJdk = feature;
            return this;
        }

        /** Only inside JDK class {@code cls} (internal name; a trailing * matches a prefix). */
        public Spec in(String cls) {
            this.inClass = cls;
            return this;
        }

        /** Only inside method {@code method} of that class. */
        public Spec inMethod(String method) {
            this.inMethod = method;
            return this;
        }
    }
}
