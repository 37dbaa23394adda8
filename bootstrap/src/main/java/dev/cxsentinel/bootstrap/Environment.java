package dev.cxsentinel.bootstrap;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.Map;

/** What a run gets from outside: the environment variables and the standard streams. */
public record Environment(Map<String, String> variables, BufferedReader in, PrintStream out, PrintStream err) {
}
