package io.threadcheck.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options of an {@code argLine} as surefire and failsafe read them: split at blanks
 * outside single or double quotes, quotes removed.
 */
final class ArgLine {

    private ArgLine() {}

    static List<String> split(String argLine) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArg = false;
        char quote = 0;
        for (int i = 0; i < argLine.length(); i++) {
            char c = argLine.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else current.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) args.add(current.toString());
                current.setLength(0);
                inArg = false;
            } else {
                current.append(c);
                inArg = true;
            }
        }
        if (inArg) args.add(current.toString());
        return args;
    }

    /** One option as one argument again: quoted when it holds a blank (a path with spaces). */
    static String quote(String arg) {
        if (!arg.isEmpty() && arg.chars().noneMatch(Character::isWhitespace)) return arg;
        return "\"" + arg + "\"";
    }
}
