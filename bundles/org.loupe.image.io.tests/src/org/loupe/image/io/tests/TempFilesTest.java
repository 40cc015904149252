package org.loupe.image.io.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loupe.image.ImageType;
import org.loupe.image.io.AtomicFiles;
import org.loupe.image.io.ImageFiles;
import org.loupe.testing.FreshJvm;
import org.loupe.testing.SyntheticImages;

/**
 * The temporary files behind atomic writes: short enough for any legal name, gone after Ctrl-C or SIGTERM, swept
 * after SIGKILL, and never the reason a result is unreadable to the colleagues a plain write would let read it.
 */
class TempFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileWithALegal250ByteNameCanBeWritten() throws Exception {
        Path target = dir.resolve("n".repeat(246) + ".png");
        ImageFiles.write(SyntheticImages.scene(ImageType.GRAY_U8, 4, 4, 1), target);
        assertTrue(Files.isRegularFile(target));
    }

    @Test
    void aNewFileGetsThePermissionsOfAPlainWrite() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeString(atomic, "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws Exception {
        Path file = Files.writeString(dir.resolve("shared.txt"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.writeString(file, "new");
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void leftoversOfDeadProcessesAreSweptAndOthersKept() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.writeString(dir.resolve(".loupe-" + gone.pid() + "-0123abcd.part"), "half");
        Path live = Files.writeString(dir.resolve(".loupe-1-0123abcd.part"), "being written by pid 1");
        Path foreign = Files.writeString(dir.resolve(".notes.part"), "not ours");
        AtomicFiles.writeString(dir.resolve("result.txt"), "done");
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(live));
        assertTrue(Files.exists(foreign));
    }

    @Test
    void onlyThisMachinesLeftoversAreSweptAndAKilledProcessNotYetCollectedCountsAsGone() throws Exception {
        String tag = hostTag();
        // a child that exits at once under a parent that never collects it: a zombie, as a Spark executor is for a
        // moment after its worker was killed with it
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.2 & echo $!; exec sleep 60").start();
        try {
            long zombie = Long.parseLong(new BufferedReader(new InputStreamReader(parent.getInputStream(),
                    StandardCharsets.UTF_8)).readLine().strip());
            Path stat = Path.of("/proc", Long.toString(zombie), "stat");
            for (int i = 0; i < 100 && !Files.readString(stat).contains(") Z "); i++) {
                Thread.sleep(50);
            }
            assertTrue(Files.readString(stat).contains(") Z "), "not a zombie yet: " + Files.readString(stat));
            Path stale = Files.writeString(dir.resolve(".loupe-" + zombie + "@" + tag + "-0123abcd.part"), "half");
            String other = tag.equals("00000000") ? "00000001" : "00000000";
            Path elsewhere = Files.writeString(dir.resolve(".loupe-" + zombie + "@" + other + "-0123abcd.part"),
                    "another machine's pid");
            AtomicFiles.writeString(dir.resolve("result.txt"), "done");
            assertFalse(Files.exists(stale));
            assertTrue(Files.exists(elsewhere));
        } finally {
            parent.destroyForcibly();
        }
    }

    /** This machine's tag in temporary names, read off a temporary file while it is being written. */
    private String hostTag() throws IOException {
        Path probe = Files.createDirectories(dir.resolve("probe"));
        String[] name = new String[1];
        AtomicFiles.write(probe.resolve("probe.txt"), out -> {
            try (Stream<Path> s = Files.list(probe)) {
                name[0] = s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".loupe-")).findFirst()
                        .orElseThrow();
            }
            out.write('x');
        });
        int at = name[0].indexOf('@');
        assertTrue(at > 0, name[0]);
        return name[0].substring(at + 1, at + 9);
    }

    @Test
    void anOutputNameThatIsALinkToAFileElsewhereIsReplacedAndTheFileLeftAlone() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path precious = Files.writeString(elsewhere.resolve("precious.txt"), "keep me");
        Path out = Files.createDirectories(dir.resolve("out"));
        Path link = Files.createSymbolicLink(out.resolve("result.txt"), precious);
        AtomicFiles.writeString(link, "the result");
        assertEquals("keep me", Files.readString(precious));
        assertFalse(Files.isSymbolicLink(out.resolve("result.txt")));
        assertEquals("the result", Files.readString(out.resolve("result.txt")));
    }

    @Test
    void sigtermDuringAWriteLeavesNoTemporaryFileAndNoTarget() throws Exception {
        Process p = FreshJvm.start(InterruptedWriteMain.class, dir.resolve("out.png").toString());
        awaitWriting(p);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of(), names());
    }

    @Test
    void aTemporaryFileLeftBySigkillIsSweptByTheNextWriteIntoItsFolder() throws Exception {
        Process p = FreshJvm.start(InterruptedWriteMain.class, dir.resolve("out.png").toString());
        awaitWriting(p);
        p.destroyForcibly();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, names().size(), "SIGKILL runs no cleanup: " + names());
        AtomicFiles.writeString(dir.resolve("next.txt"), "next run");
        assertEquals(List.of("next.txt"), names());
    }

    private static void awaitWriting(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals(InterruptedWriteMain.WRITING)) {
                return;
            }
        }
        throw new AssertionError("the writing process ended early, exit " + p.exitValue());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
