package programs;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Virtual threads for programs compiled for Java 17 (they run on JDK 21+ only): the builder
 * and factory methods are reached by reflection, on their public interfaces.
 */
final class VirtualSupport {

    private VirtualSupport() {}

    /** Thread.ofVirtual().name(name).start(task). */
    static Thread start(String name, Runnable task) throws Exception {
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        Class<?> builderType = Class.forName("java.lang.Thread$Builder");
        builder = builderType.getMethod("name", String.class).invoke(builder, name);
        return (Thread) builderType.getMethod("start", Runnable.class).invoke(builder, task);
    }

    /** Thread.startVirtualThread(task): an unnamed virtual thread. */
    static Thread startUnnamed(Runnable task) throws Exception {
        return (Thread) Thread.class.getMethod("startVirtualThread", Runnable.class).invoke(null, task);
    }

    /** Executors.newVirtualThreadPerTaskExecutor(). */
    static ExecutorService perTaskExecutor() throws Exception {
        return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    }

    /** ExecutorService.close() (JDK 19+). */
    static void close(ExecutorService executor) throws Exception {
        ((AutoCloseable) executor).close();
    }

    /** Thread.isVirtual() (JDK 21+). */
    static boolean isVirtual(Thread thread) throws Exception {
        Method isVirtual = Thread.class.getMethod("isVirtual");
        return (Boolean) isVirtual.invoke(thread);
    }
}
