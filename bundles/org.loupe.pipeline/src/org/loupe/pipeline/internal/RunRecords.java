package org.loupe.pipeline.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.loupe.api.LoupeException;
import org.loupe.pipeline.ItemResult;

/**
 * A run's {@code results.jsonl}: one JSON line per finished item, appended and forced to disk as each item ends, so
 * that a run killed at any point leaves a record of every item it completed. A line cut short by the kill is not
 * JSON and is ignored; the next run starts on a fresh line. While open, the file is locked: a second run into the
 * same folder, from this process or another, is refused rather than interleaving its outputs and records with the
 * first's (the operating system drops the lock of a killed process).
 */
public final class RunRecords implements AutoCloseable {

    /** The file name in the output folder. */
    public static final String FILE = "results.jsonl";

    private static final Gson LINE = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues()
            .create();

    private final FileChannel channel;
    private final FileLock lock;

    private RunRecords(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Opens the records of {@code outDir} for appending, creating them if needed, and holds the folder.
     *
     * @throws LoupeException USAGE if another run holds the folder, INPUT if the records cannot be written
     */
    public static RunRecords open(Path outDir) throws LoupeException {
        Path file = outDir.resolve(FILE);
        try {
            Files.createDirectories(outDir);
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            FileLock lock;
            try {
                // one byte far beyond the records: the lock excludes other runs without keeping readers out of the
                // records where locks are mandatory (Windows)
                lock = ch.tryLock(Long.MAX_VALUE - 1, 1, false);
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another run in this process
            }
            if (lock == null) {
                ch.close();
                throw LoupeException.usage(outDir + " is being written by another Loupe run; wait for it to end or "
                        + "choose another --out");
            }
            if (ch.size() > 0 && !endsWithNewline(file)) {
                ch.write(ByteBuffer.wrap(new byte[] {'\n'}));
            }
            return new RunRecords(ch, lock);
        } catch (IOException e) {
            throw LoupeException.badInput(file.toString(), "cannot be written (" + e.getMessage() + ")", e);
        }
    }

    /** Appends one item's record and forces it to disk. */
    public synchronized void append(ItemResult r) throws LoupeException {
        try {
            channel.write(ByteBuffer.wrap((toLine(r) + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        } catch (IOException e) {
            throw LoupeException.badInput(FILE, "cannot be written (" + e.getMessage() + ")", e);
        }
    }

    /** The last complete record of each input in an output folder's records (none if there are none). */
    public static Map<String, ItemResult> read(Path outDir) throws LoupeException {
        Path file = outDir.resolve(FILE);
        Map<String, ItemResult> last = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return last;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw LoupeException.badInput(file.toString(), "cannot be read (" + e.getMessage() + ")", e);
        }
        for (String line : lines) {
            try {
                ItemResult r = fromLine(line);
                if (r != null && r.input() != null) {
                    last.put(r.input(), r);
                }
            } catch (JsonParseException | IllegalArgumentException e) {
                // a line cut short when the process was killed: that item is simply done again
            }
        }
        return last;
    }

    /** A record as one line of the file. */
    public static String toLine(ItemResult r) {
        return LINE.toJson(r);
    }

    /**
     * A record from one line of the file.
     *
     * @throws JsonParseException if the line is not a record's JSON
     */
    public static ItemResult fromLine(String line) {
        return LINE.fromJson(line, ItemResult.class);
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, ch.size() - 1);
            return b.get(0) == '\n';
        }
    }

    @Override
    public void close() throws LoupeException {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw LoupeException.badInput(FILE, "cannot be closed (" + e.getMessage() + ")", e);
        }
    }
}
