package org.loupe.plugins.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.equinox.internal.p2.repository.Transport;
import org.eclipse.equinox.p2.core.ProvisionException;

/**
 * How p2 reads update sites here: local folders ({@code file:}), zipped sites ({@code jar:file:...!/}) and web sites
 * over HTTPS with the JDK's client. p2's own transport needs the ECF bundles, which are not on Maven Central. Plain
 * {@code http:} is refused unless the user allowed it, including when a site redirects or refers to one.
 */
public final class SiteTransport extends Transport {

    /** Why a plain-http site is refused. */
    public static final String PLAIN_HTTP = "plain http is refused: anyone on the way could change what is installed; "
            + "use https, or --allow-insecure";

    private static final String BUNDLE = "org.loupe.plugins";

    private final boolean allowInsecure;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20)).build();

    /** A transport that refuses {@code http:} unless {@code allowInsecure}. */
    public SiteTransport(boolean allowInsecure) {
        this.allowInsecure = allowInsecure;
    }

    @Override
    public IStatus download(URI uri, OutputStream target, IProgressMonitor monitor) {
        try (InputStream in = stream(uri, monitor)) {
            in.transferTo(target);
            return Status.OK_STATUS;
        } catch (FileNotFoundException e) {
            return new Status(IStatus.ERROR, BUNDLE, ProvisionException.ARTIFACT_NOT_FOUND, uri + ": not found", e);
        } catch (CoreException e) {
            return e.getStatus();
        } catch (IOException e) {
            return new Status(IStatus.ERROR, BUNDLE, ProvisionException.REPOSITORY_FAILED_READ, uri + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public InputStream stream(URI uri, IProgressMonitor monitor) throws FileNotFoundException, CoreException {
        return guarded(uri, () -> switch (scheme(uri)) {
            case "file" -> Files.newInputStream(Path.of(uri));
            case "jar" -> {
                URLConnection c = uri.toURL().openConnection();
                c.setUseCaches(false);
                yield c.getInputStream();
            }
            default -> {
                HttpResponse<InputStream> r = http.send(request(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() >= 400) {
                    r.body().close();
                }
                found(uri, r.statusCode());
                yield r.body();
            }
        });
    }

    @Override
    public long getLastModified(URI uri, IProgressMonitor monitor) throws CoreException, FileNotFoundException {
        return guarded(uri, () -> switch (scheme(uri)) {
            case "file" -> Files.getLastModifiedTime(Path.of(uri)).toMillis();
            case "jar" -> {
                JarURLConnection c = (JarURLConnection) uri.toURL().openConnection();
                c.setUseCaches(false);
                if (c.getJarEntry() == null) {
                    throw new FileNotFoundException(uri.toString());
                }
                yield c.getJarEntry().getTime();
            }
            default -> {
                HttpResponse<Void> r = http.send(request(uri).method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(), HttpResponse.BodyHandlers.discarding());
                found(uri, r.statusCode());
                yield r.headers().firstValue("Last-Modified").map(SiteTransport::httpDate).orElse(0L);
            }
        });
    }

    /** One read, with the JDK's and HTTP's ways of saying "not there" turned into the one p2 understands. */
    private static <T> T guarded(URI uri, Read<T> read) throws FileNotFoundException, CoreException {
        try {
            return read.run();
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException(uri.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(uri, "interrupted", e);
        } catch (FileNotFoundException | CoreException e) {
            throw e;
        } catch (IOException e) {
            throw failure(uri, e.getMessage(), e);
        }
    }

    /** Throws for 404 and 410 (not found) and for any other error status. */
    private static void found(URI uri, int status) throws FileNotFoundException, CoreException {
        if (status == 404 || status == 410) {
            throw new FileNotFoundException(uri.toString());
        }
        if (status >= 400) {
            throw failure(uri, "HTTP " + status, null);
        }
    }

    private interface Read<T> {
        T run() throws IOException, InterruptedException, CoreException;
    }

    private String scheme(URI uri) throws CoreException {
        String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (s.equals("http") && !allowInsecure) {
            throw failure(uri, PLAIN_HTTP, null);
        }
        if (!s.equals("file") && !s.equals("jar") && !s.equals("http") && !s.equals("https")) {
            throw failure(uri, "unsupported scheme '" + s + "' (file, jar, https)", null);
        }
        return s;
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).header("User-Agent", "Loupe p2");
    }

    private static long httpDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static CoreException failure(URI uri, String why, Throwable cause) {
        return new CoreException(new Status(IStatus.ERROR, BUNDLE, ProvisionException.REPOSITORY_FAILED_READ,
                uri + ": " + why, cause));
    }
}
