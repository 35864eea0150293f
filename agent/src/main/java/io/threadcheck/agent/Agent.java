package io.threadcheck.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.jar.JarFile;

/**
 * Entry point of {@code threadcheck-agent.jar}: {@code -javaagent:threadcheck-agent.jar[=options]}
 * (options in {@link AgentOptions}), or attached to a running JVM.
 *
 * <p>threadcheck runs from the bootstrap class loader, so that the hooks instrumented code
 * calls are reachable from every class loader (and, later, from the JDK's own classes). The
 * manifest's {@code Boot-Class-Path} puts the jar there when it is called
 * {@code threadcheck-agent.jar}; under another name this class appends it at start-up, which
 * works the same but makes JDK 17's class-data sharing print a warning. This class refers to
 * no other class of threadcheck, or that class could be loaded a second time, by the system
 * loader.
 */
public final class Agent {

    private static final String MAIN = "io.threadcheck.agent.AgentMain";

    private Agent() {}

    public static void premain(String args, Instrumentation inst) {
        launch(args, inst, false);
    }

    public static void agentmain(String args, Instrumentation inst) {
        launch(args, inst, true);
    }

    public static void main(String[] args) {
        System.err.println("threadcheck: run a program under the agent with"
                + " java -javaagent:threadcheck-agent.jar[=out=DIR,include=...,exclude=...,format=text,json] ...");
        System.exit(args.length == 0 ? 0 : 2);
    }

    private static void launch(String args, Instrumentation inst, boolean attached) {
        try {
            Class<?> main;
            try {
                main = Class.forName(MAIN, true, null);
            } catch (ClassNotFoundException renamed) {
                File jar = new File(Agent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                inst.appendToBootstrapClassLoaderSearch(new JarFile(jar));
                main = Class.forName(MAIN, true, null);
            }
            Method start = main.getMethod("start", String.class, Instrumentation.class, boolean.class);
            start.invoke(null, args, inst, attached);
        } catch (Throwable e) {
            System.err.println("threadcheck: the agent could not start; the program runs unchecked: " + e);
        }
    }
}
