package org.cecplatform.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The walkthrough of the root README.md: the {@code ```bash} blocks between {@code <!-- walkthrough:begin -->} and
 * {@code <!-- walkthrough:end -->}, in order, as one script (later blocks use the variables of earlier ones).
 */
final class ReadmeWalkthrough {

    static final String BEGIN = "<!-- walkthrough:begin -->";
    static final String END = "<!-- walkthrough:end -->";
    private static final Pattern BASH_BLOCK = Pattern.compile("(?ms)^```bash\\n(.*?)^```");

    private ReadmeWalkthrough() {
    }

    static List<String> blocks(Path readme) {
        String text;
        try {
            text = Files.readString(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(readme + " has no " + BEGIN + " … " + END + " section");
        }
        List<String> blocks = new ArrayList<>();
        Matcher m = BASH_BLOCK.matcher(text.substring(begin, end));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** The blocks as one script, each announced on stderr (so a failure's output says which block it was in). */
    static String script(List<String> blocks) {
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        for (int i = 0; i < blocks.size(); i++) {
            script.append("echo '--- walkthrough block ").append(i + 1).append("' >&2\n").append(blocks.get(i)).append('\n');
        }
        return script.toString();
    }
}
