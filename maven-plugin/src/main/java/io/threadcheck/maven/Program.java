package io.threadcheck.maven;

import java.util.ArrayList;
import java.util.List;

/** One program for {@code threadcheck:run}: a main class and its arguments ({@code <programs><program>}). */
public class Program {

    /** The class whose {@code main} runs. */
    String mainClass;

    /** Its command-line arguments. */
    List<String> arguments = new ArrayList<>();

    public Program() {
    }

    Program(String mainClass, List<String> arguments) {
        this.mainClass = mainClass;
        this.arguments = arguments == null ? new ArrayList<>() : new ArrayList<>(arguments);
    }

    @Override
    public String toString() {
        return arguments.isEmpty() ? mainClass : mainClass + " " + String.join(" ", arguments);
    }
}
