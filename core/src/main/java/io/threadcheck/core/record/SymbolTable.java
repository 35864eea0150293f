package io.threadcheck.core.record;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names behind the ids that events carry: fields ({@code com.example.Counter.count}) and
 * sites (one per instrumented instruction: where it is, what it does, which field).
 *
 * <p>Ids are dense, assigned as classes are instrumented, and never reused. Lookups by id
 * are lock-free (read of a published array); registration is rare and synchronised on an
 * object of our own.
 */
public final class SymbolTable {

    private static final int NO_FIELD = -1;

    private final Object registration = new Object();
    private final ConcurrentHashMap<String, Integer> fieldIds = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Integer> derivedSites = new ConcurrentHashMap<>();
    private volatile String[] fields = new String[256];
    private volatile int fieldCount;

    private volatile Site[] sites = new Site[1024];
    private volatile int[] siteFields = new int[1024];
    private volatile AccessKind[] siteKinds = new AccessKind[1024];
    private volatile int siteCount;

    /** Id of the field {@code owner.name} (owner with dots), registering it on first sight. */
    public int field(String owner, String name) {
        String qualified = owner + '.' + name;
        Integer id = fieldIds.get(qualified);
        if (id != null) return id;
        synchronized (registration) {
            id = fieldIds.get(qualified);
            if (id != null) return id;
            int n = fieldCount;
            String[] f = fields;
            if (n == f.length) f = Arrays.copyOf(f, n * 2);
            f[n] = qualified;
            fields = f;
            fieldCount = n + 1;
            fieldIds.put(qualified, n);
            return n;
        }
    }

    /** Registers a site; {@code field} is a field id, or -1 when the site touches no field. */
    public int site(Site site, AccessKind kind, int field) {
        synchronized (registration) {
            int n = siteCount;
            Site[] s = sites;
            int[] sf = siteFields;
            AccessKind[] sk = siteKinds;
            if (n == s.length) {
                s = Arrays.copyOf(s, n * 2);
                sf = Arrays.copyOf(sf, n * 2);
                sk = Arrays.copyOf(sk, n * 2);
            }
            s[n] = site;
            sf[n] = field;
            sk[n] = kind;
            siteFields = sf;
            siteKinds = sk;
            sites = s;
            siteCount = n + 1;
            return n;
        }
    }

    public int site(Site site, AccessKind kind) {
        return site(site, kind, NO_FIELD);
    }

    /**
     * The site of a field access made through a library call at {@code callSite} (a reflective
     * {@code Field.get}, a collection's contents): same place, its own kind and field. Made
     * once per (call site, kind, field).
     */
    public int derivedSite(int callSite, AccessKind kind, int field) {
        Long key = ((long) callSite << 32) | ((long) kind.ordinal() << 24) | (field & 0xFFFFFFL);
        Integer id = derivedSites.get(key);
        if (id != null) return id;
        synchronized (registration) {
            id = derivedSites.get(key);
            if (id != null) return id;
            int made = site(sites[callSite], kind, field);
            derivedSites.put(key, made);
            return made;
        }
    }

    /**
     * Gives a registered site its line, for sites registered before the line was known (the
     * monitor of a synchronized method is taken before the method's first line number).
     */
    public void setLine(int id, int line) {
        synchronized (registration) {
            Site old = sites[id];
            sites[id] = new Site(old.className(), old.method(), old.file(), line);
        }
    }

    public Site siteAt(int id) {
        return sites[id];
    }

    public AccessKind kindAt(int site) {
        return siteKinds[site];
    }

    /** The field id a site accesses, or -1. */
    public int fieldOf(int site) {
        return siteFields[site];
    }

    public String fieldName(int field) {
        return fields[field];
    }

    public int siteCount() {
        return siteCount;
    }

    public int fieldCount() {
        return fieldCount;
    }
}
