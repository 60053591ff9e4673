package io.streamlimit.cli;

import io.streamlimit.scenario.EventsSpec;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks of flag values that run before a command starts any work (no stack started, no event
 * simulated, nothing written), each failing as a {@link ParameterException} that names the flag:
 * one line and exit code 2 (see {@link OneLineParameterErrors}).
 */
final class Preflight {

    private final CommandSpec spec;

    Preflight(CommandSpec spec) {
        this.spec = spec;
    }

    ParameterException error(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** A count of events given on the command line, null when absent. */
    void events(String flag, Integer events) {
        if (events != null && (events < 1 || events > EventsSpec.MAX_TOTAL)) {
            throw error(flag + ": must be 1 to " + EventsSpec.MAX_TOTAL + ", got " + events);
        }
    }

    void atLeast(String flag, long value, long least) {
        if (value < least) {
            throw error(flag + ": must be " + least + " or more, got " + value);
        }
    }

    void range(String flag, long value, long least, long most) {
        if (value < least || value > most) {
            throw error(flag + ": must be " + least + " to " + most + ", got " + value);
        }
    }

    /**
     * A directory the command will write into: created now (the last check a command makes, so a
     * failed earlier check leaves nothing behind), or an error naming the flag.
     */
    void outputDirectory(String flag, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw error(flag + ": " + dir + " is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw error(flag + ": cannot create the directory " + dir + " (" + reason(e) + ")");
        }
        if (!Files.isWritable(dir)) {
            throw error(flag + ": cannot write to the directory " + dir);
        }
    }

    /**
     * A file the command will write: its directory is created and the file opened for writing
     * once (removed again if it did not exist), so that a path that cannot be written fails now.
     *
     * @param forceFlag null: an existing file is replaced; otherwise it is refused unless {@code force}
     */
    void outputFile(String flag, Path file, String forceFlag, boolean force) {
        if (Files.isDirectory(file)) {
            throw error(flag + ": " + file + " is a directory, not a file");
        }
        boolean existed = Files.exists(file);
        if (existed && forceFlag != null && !force) {
            throw error(flag + ": " + file + " already exists; pass " + forceFlag + " to replace it");
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (SeekableByteChannel probe = Files.newByteChannel(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                // opened without truncating: an existing file keeps its content until the command writes it
            }
            if (!existed) {
                Files.delete(file);
            }
        } catch (IOException | SecurityException e) {
            throw error(flag + ": cannot write " + file + " (" + reason(e) + ")");
        }
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
