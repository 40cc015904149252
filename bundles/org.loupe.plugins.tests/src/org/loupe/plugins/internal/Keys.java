package org.loupe.plugins.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Test keys and jars made with the JDK's own keytool and jarsigner, as a lab's build would sign a plugin. */
final class Keys {

    private Keys() {
    }

    /** A new PKCS12 key store in {@code dir} with one key whose certificate names {@code cn}; returns its path. */
    static Path keyStore(Path dir, String cn) throws Exception {
        Path store = dir.resolve(cn.replace(' ', '-') + ".p12");
        tool("keytool", "-genkeypair", "-alias", "k", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                "-dname", "CN=" + cn, "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "secret",
                "-keypass", "secret");
        return store;
    }

    /** Exports the key's certificate to {@code file}. */
    static Path certificate(Path store, Path file) throws Exception {
        tool("keytool", "-exportcert", "-alias", "k", "-keystore", store.toString(), "-storepass", "secret", "-rfc",
                "-file", file.toString());
        return file;
    }

    /** A jar holding one class-like entry. */
    static Path jar(Path file, byte[] content) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.putNextEntry(new JarEntry("com/example/Spot.class"));
            jar.write(content);
            jar.closeEntry();
        }
        return file;
    }

    /** Signs {@code jar} in place with the key of {@code store}. */
    static void sign(Path jar, Path store) throws Exception {
        tool("jarsigner", "-keystore", store.toString(), "-storepass", "secret", jar.toString(), "k");
    }

    private static void tool(String name, String... args) throws Exception {
        Path bin = Path.of(System.getProperty("java.home"), "bin", name);
        List<String> command = new ArrayList<>(List.of(bin.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(name + " failed: " + out);
        }
    }
}
