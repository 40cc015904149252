package org.loupe.pipeline;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file name pattern with placeholders, the way pipelines relate files to each other: {@code {name}_test.jpg}
 * matches {@code 00041000_test.jpg} and binds {@code name} to {@code 00041000}, and the reference rule
 * {@code {name}_temp.jpg} then names the template beside it. Placeholders: {@code {name}} (bound by the input match;
 * the file name without extension if the match has none), {@code {stem}} (the input's file name without extension),
 * {@code {file}} (the whole file name), {@code {ext}} (its extension) and {@code {dir}} (the name of the input's
 * folder: DeepPCB keeps {@code 13000/13000008_test.jpg}'s annotation in {@code ../13000_not/13000008.txt}, that is
 * {@code ../{dir}_not/{name}.txt}). A relative rule resolves against the input's
 * folder; it may climb out of it ({@code ../hq/{file}}).
 *
 * @param text the pattern as written
 */
public record NameRule(String text) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(name|stem|file|ext|dir)}");
    private static final Pattern ANY = Pattern.compile("\\{([^}]*)}");

    /** The match that takes every image file, binding {@code name} to its name without extension. */
    public static final NameRule ANY_IMAGE = new NameRule("{name}.{ext}");

    /**
     * Checks the placeholders.
     *
     * @throws IllegalArgumentException for an unknown placeholder, with its name
     */
    public NameRule {
        Matcher m = ANY.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDER.matcher(m.group()).matches()) {
                throw new IllegalArgumentException("unknown placeholder " + m.group() + " (known: {name}, {stem}, "
                        + "{file}, {ext}, {dir})");
            }
        }
    }

    /**
     * The rules relating an image to its reference, as a workbench session used them on one pair: the match binds
     * {@code {name}} to the longest common beginning of the two file names that ends at a word boundary
     * ({@code 13000008_test.jpg} and {@code 13000008_temp.jpg} give {@code {name}_test.jpg} and
     * {@code {name}_temp.jpg}), and the reference rule climbs to the reference's folder. Where the names share no
     * such beginning, every input gets the same reference: the match takes every image and the rule is the
     * reference's absolute path.
     *
     * @param match     which files are inputs, binding {@code {name}}
     * @param reference the reference of each input
     */
    public record Relation(NameRule match, NameRule reference) {
    }

    /** The relation between an image and its reference file (see {@link Relation}). */
    public static Relation relating(Path image, Path reference) {
        String a = image.getFileName().toString();
        String b = reference.getFileName().toString();
        int n = 0;
        while (n < Math.min(a.length(), b.length()) && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        while (n > 0 && !(boundary(a, n) && boundary(b, n))) {
            n--;
        }
        Path from = image.toAbsolutePath().getParent();
        Path to = reference.toAbsolutePath().getParent();
        String folder = from.relativize(to).toString().replace('\\', '/');
        if (n > 0 && !a.substring(n).contains("{") && !b.substring(n).contains("{")) {
            Relation r = new Relation(new NameRule("{name}" + a.substring(n)),
                    new NameRule((folder.isEmpty() ? "" : folder + "/") + "{name}" + b.substring(n)));
            String name = a.substring(0, n);
            if (r.match().match(image).equals(Optional.of(name)) && r.reference().resolve(image, name)
                    .equals(reference.toAbsolutePath().normalize())) {
                return r;
            }
        }
        return new Relation(ANY_IMAGE, new NameRule(reference.toAbsolutePath().normalize().toString()));
    }

    /** Whether a name may end before position {@code i}: at its end, or before a character not a letter or digit. */
    private static boolean boundary(String s, int i) {
        return i == s.length() || !Character.isLetterOrDigit(s.charAt(i));
    }

    /** The value of {@code {name}} if {@code file}'s name fits this pattern. */
    public Optional<String> match(Path file) {
        String fileName = file.getFileName().toString();
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(text);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(text.substring(last, m.start())));
            regex.append(switch (m.group(1)) {
                case "name" -> "(?<name>.+?)";
                case "ext" -> "[^.]+";
                default -> ".+";
            });
            last = m.end();
        }
        regex.append(Pattern.quote(text.substring(last)));
        Matcher f = Pattern.compile(regex.toString()).matcher(fileName);
        if (!f.matches()) {
            return Optional.empty();
        }
        return Optional.of(text.contains("{name}") ? f.group("name") : stem(fileName));
    }

    /** The file this rule names for an input whose {@code {name}} is {@code name}. */
    public Path resolve(Path input, String name) {
        String fileName = input.getFileName().toString();
        Path folder = input.toAbsolutePath().getParent();
        String dir = folder.getFileName() == null ? "" : folder.getFileName().toString();
        String resolved = text.replace("{name}", name).replace("{dir}", dir).replace("{stem}", stem(fileName)).replace("{file}", fileName)
                .replace("{ext}", fileName.substring(stem(fileName).length()).replaceFirst("^\\.", ""));
        return folder.resolve(resolved).normalize();
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
