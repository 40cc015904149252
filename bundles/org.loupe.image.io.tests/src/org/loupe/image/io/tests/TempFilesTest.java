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
