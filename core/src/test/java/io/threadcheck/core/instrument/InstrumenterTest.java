package io.threadcheck.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadcheck.core.record.EventVisitor;
import io.threadcheck.core.record.Recorder;
import io.threadcheck.core.record.Site;
import io.threadcheck.core.record.SymbolTable;
import io.threadcheck.core.record.ThreadTable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Instruments real classes, defines them in a fresh loader (so the JVM verifies the rewritten
 * bytecode), runs them, and checks both their results and the events they produced.
 */
class InstrumenterTest {

    /** Records events as readable lines. */
    static final class Log extends EventVisitor {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final SymbolTable symbols;

        Log(SymbolTable symbols) {
            super(null);
            this.symbols = symbols;
        }

        private String at(int site) {
            Site s = symbols.siteAt(site);
            return s.method() + ":" + s.line();
        }

        private String field(int site) {
            return symbols.fieldName(symbols.fieldOf(site));
        }

        @Override public void read(int tid, Object target, int site) { lines.add("read " + field(site) + (target == null ? " static" : "")); }
        @Override public void write(int tid, Object target, int site) { lines.add("write " + field(site) + (target == null ? " static" : "")); }
        @Override public void arrayRead(int tid, Object array, int index, int site) { lines.add("aread " + array.getClass().getSimpleName() + "[" + index + "]"); }
        @Override public void arrayWrite(int tid, Object array, int index, int site) { lines.add("awrite " + array.getClass().getSimpleName() + "[" + index + "]"); }
        @Override public void acquire(int tid, Object lock, int site) { lines.add("acquire " + (lock instanceof Class<?> c ? c.getSimpleName() : lock.getClass().getSimpleName()) + " in " + at(site)); }
        @Override public void release(int tid, Object lock, int site) { lines.add("release " + (lock instanceof Class<?> c ? c.getSimpleName() : lock.getClass().getSimpleName()) + " in " + at(site)); }
        @Override public void lockRequest(int tid, Object lock, int site) { lines.add("request " + (lock instanceof Class<?> c ? c.getSimpleName() : lock.getClass().getSimpleName()) + " in " + at(site)); }
        @Override public void tryAcquire(int tid, Object lock, int site) { lines.add("tryAcquire " + lock.getClass().getSimpleName() + " in " + at(site)); }
        @Override public void waitStart(int tid, Object lock, int site) { lines.add("waitStart " + lock.getClass().getSimpleName() + " in " + at(site)); }
        @Override public void waitEnd(int tid, Object lock, int site) { lines.add("waitEnd " + lock.getClass().getSimpleName() + " in " + at(site)); }
        @Override public void syncAcquire(int tid, Object sync, int key, int site) { lines.add("vread " + symbols.fieldName(key)); }
        @Override public void syncRelease(int tid, Object sync, int key, int site) { lines.add("vwrite " + symbols.fieldName(key)); }
        @Override public void threadStart(int parent, int child) { lines.add("start " + parent + "->" + child); }
        @Override public void threadJoin(int joiner, int joined) { lines.add("join " + joiner + "<-" + joined); }
    }

    /** Defines the classes of package {@code instrumented} itself (instrumented unless the instrumenter is null); delegates the rest. */
    static final class InstrumentingLoader extends ClassLoader {
        private final Instrumenter instrumenter;

        InstrumentingLoader(Instrumenter instrumenter) {
            super(InstrumenterTest.class.getClassLoader());
            this.instrumenter = instrumenter;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("instrumented.")) return super.loadClass(name, resolve);
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c != null) return c;
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] original = in.readAllBytes();
                    byte[] bytes = original;
                    if (instrumenter != null) {
                        Instrumenter.Result result = instrumenter.instrument(original, this);
                        assertThat(result.skippedMethods()).as("skipped methods of " + name).isEmpty();
                        if (result.bytes() != null) bytes = result.bytes();
                    }
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }

    private Recorder recorder;

    @AfterEach
    void stop() {
        if (recorder != null) recorder.stop();
    }

    private Log runShapes(SymbolTable symbols) throws Exception {
        Log log = new Log(symbols);
        recorder = new Recorder(symbols, new ThreadTable());
        recorder.start(log);
        Class<?> shapes = new InstrumentingLoader(new Instrumenter(symbols)).loadClass("instrumented.Shapes");
        Method run = shapes.getMethod("run");
        // The same class, loaded fresh and uninstrumented, is the oracle.
        Object expected = new InstrumentingLoader(null).loadClass("instrumented.Shapes").getMethod("run").invoke(null);
        assertThat(expected).isEqualTo("1,caught,5,24,55,3,4,2");
        assertThat(run.invoke(null)).isEqualTo(expected);
        return log;
    }

    @Test
    void modelledCallsKeepTheirOperandsAndReachTheirModels() throws Exception {
        SymbolTable symbols = new SymbolTable();
        Log log = new Log(symbols);
        recorder = new Recorder(symbols, new ThreadTable());
        recorder.start(log);
        Class<?> calls = new InstrumentingLoader(new Instrumenter(symbols)).loadClass("instrumented.ModelledCalls");
        Object expected = new InstrumentingLoader(null).loadClass("instrumented.ModelledCalls").getMethod("run").invoke(null);
        assertThat(expected).isEqualTo("6,41,npe");
        assertThat(calls.getMethod("run").invoke(null)).isEqualTo(expected);
        // Lock.lock requested before the call and acquired after it, unlock before it: four
        // rounds of the loop; then the timed tryLock, which acquires without a request.
        assertThat(log.lines).filteredOn(l -> l.equals("request ReentrantLock in loopUnderLock:21")).hasSize(4);
        assertThat(log.lines).filteredOn(l -> l.equals("acquire ReentrantLock in loopUnderLock:21")).hasSize(4);
        assertThat(log.lines).filteredOn(l -> l.equals("release ReentrantLock in loopUnderLock:25")).hasSize(4);
        assertThat(log.lines).containsSubsequence("request ReentrantLock in loopUnderLock:21",
                "acquire ReentrantLock in loopUnderLock:21", "release ReentrantLock in loopUnderLock:25");
        assertThat(log.lines).containsSubsequence("tryAcquire ReentrantLock in wideBeneath:33",
                "release ReentrantLock in wideBeneath:34");
        assertThat(log.lines).noneMatch(l -> l.startsWith("request ReentrantLock in wideBeneath"));
        // the null receiver throws from the call itself, and nothing is recorded for it
        assertThat(log.lines).noneMatch(l -> l.contains("nullReceiver"));
    }

    @Test
    void instrumentedCodeVerifiesAndComputesTheSameResults() throws Exception {
        runShapes(new SymbolTable());
    }

    @Test
    void fieldAccessesAreRecordedWithTheirDeclaringField() throws Exception {
        Log log = runShapes(new SymbolTable());
        assertThat(log.lines).contains(
                "write instrumented.Shapes.plain", "read instrumented.Shapes.plain",
                "write instrumented.Shapes.wide", "write instrumented.Shapes.dbl",
                "vwrite instrumented.Shapes.volatileWide", "vread instrumented.Shapes.volatileWide",
                "vwrite instrumented.Shapes.volatileInt", "vread instrumented.Shapes.volatileInt",
                "vwrite instrumented.Shapes.staticVolatile", "vread instrumented.Shapes.staticVolatile",
                "write instrumented.Shapes.staticCounter static");
        // final fields are never recorded
        assertThat(log.lines).noneMatch(l -> l.contains("Shapes.fin") || l.contains("Shapes.TABLE"));
    }

    @Test
    void staticInitialiserAccessesAreNotRecorded() throws Exception {
        Log log = runShapes(new SymbolTable());
        // <clinit> writes staticCounter and TABLE[0..3]; the only recorded write of staticCounter
        // is the lambda's staticCounter++.
        assertThat(log.lines).filteredOn(l -> l.equals("write instrumented.Shapes.staticCounter static")).hasSize(1);
        assertThat(log.lines).doesNotContain("awrite int[][0]");
    }

    @Test
    void arrayElementsOfEveryKindAreRecorded() throws Exception {
        Log log = runShapes(new SymbolTable());
        assertThat(log.lines).contains("awrite long[][1]", "aread long[][1]", "awrite double[][2]",
                "aread double[][2]", "awrite byte[][0]", "awrite Object[][1]", "aread Object[][1]",
                "aread int[][3]");
    }

    @Test
    void monitorsAreReleasedOnEveryExitIncludingExceptions() throws Exception {
        Log log = runShapes(new SymbolTable());
        long acquires = log.lines.stream().filter(l -> l.startsWith("acquire Shapes in syncMethod")).count();
        long releases = log.lines.stream().filter(l -> l.startsWith("release Shapes in syncMethod")).count();
        assertThat(acquires).isEqualTo(2);
        assertThat(releases).isEqualTo(2);
        // a synchronized method's monitor is taken at its first line; a class's monitor is its Class
        assertThat(log.lines).containsSubsequence("acquire Shapes in staticSync:43",
                "vwrite instrumented.Shapes.staticVolatile", "release Shapes in staticSync:44");
        // a block's monitor is requested before MONITORENTER, at the same site; a synchronized
        // method is entered before any hook runs, so it has no request
        assertThat(log.lines).containsSubsequence("request Object in block:74", "acquire Object in block:74",
                "write instrumented.Shapes.plain", "release Object in block:76");
        assertThat(log.lines).noneMatch(l -> l.startsWith("request Shapes"));
        // wait gives the monitor up and takes it back, between waitStart and waitEnd
        assertThat(log.lines).containsSubsequence("acquire Object in waitAndJoin:82",
                "waitStart Object in waitAndJoin:83", "release Object in waitAndJoin:83",
                "acquire Object in waitAndJoin:83", "waitEnd Object in waitAndJoin:83",
                "release Object in waitAndJoin:84");
    }

    @Test
    void threadJoinIsRecorded() throws Exception {
        // Thread.start is modelled inside java.lang.Thread (a JDK rule), which a unit test does not
        // instrument; the agent's integration tests cover it.
        Log log = runShapes(new SymbolTable());
        assertThat(log.lines).containsSubsequence("write instrumented.Shapes.staticCounter static", "join 0<-1");
    }
}
