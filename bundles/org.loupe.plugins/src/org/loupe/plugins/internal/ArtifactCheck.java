package org.loupe.plugins.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProvisioningPlan;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactDescriptor;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.loupe.image.io.AtomicFiles;

/**
 * Reads every jar a plan would add before anything is installed and refuses one that was changed after it was
 * signed. p2 asks whom to trust, but accepts a signed jar whose entries no longer match their digests; the JDK's
 * verification of each entry catches that.
 */
public final class ArtifactCheck {

    private ArtifactCheck() {
    }

    /**
     * The first problem with the plan's new artifacts ("com.example_1.0.0.jar was changed after it was signed"), or
     * null when there is none.
     */
    public static String problem(IProvisioningPlan plan, IArtifactRepositoryManager manager, List<URI> sources,
            IProgressMonitor monitor) throws IOException {
        Path scratch = Files.createTempDirectory("loupe-plugin-check");
        try {
            for (IInstallableUnit iu : plan.getAdditions().query(QueryUtil.createIUAnyQuery(), null)) {
                for (IArtifactKey key : iu.getArtifacts()) {
                    String name = key.getId() + "_" + key.getVersion() + ".jar";
                    Path copy = scratch.resolve(name);
                    if (!fetch(key, manager, sources, copy, monitor)) {
                        continue;
                    }
                    if (JarSigners.of(copy).equals("TAMPERED")) {
                        return name + " was changed after it was signed (its contents no longer match the signature)";
                    }
                    Files.delete(copy);
                }
            }
            return null;
        } finally {
            AtomicFiles.deleteScratch(scratch);
        }
    }

    /** Who signed each of {@code bundles}, read from their jars in {@code sources}; the distinct answers. */
    public static List<String> signers(List<IInstallableUnit> bundles, IArtifactRepositoryManager manager,
            List<URI> sources, IProgressMonitor monitor) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        Path scratch = Files.createTempDirectory("loupe-plugin-signers");
        try {
            for (IInstallableUnit iu : bundles) {
                for (IArtifactKey key : iu.getArtifacts()) {
                    Path copy = scratch.resolve(key.getId() + "_" + key.getVersion() + ".jar");
                    if (fetch(key, manager, sources, copy, monitor)) {
                        names.add(JarSigners.of(copy));
                    }
                }
            }
            return List.copyOf(names);
        } finally {
            AtomicFiles.deleteScratch(scratch);
        }
    }

    private static String leaves(IStatus s) {
        if (s.getChildren().length == 0) {
            return s.getMessage() + (s.getException() == null ? "" : " (" + s.getException().getMessage() + ")");
        }
        return String.join("; ", Arrays.stream(s.getChildren()).map(ArtifactCheck::leaves).toList());
    }

    private static boolean fetch(IArtifactKey key, IArtifactRepositoryManager manager, List<URI> sources, Path to,
            IProgressMonitor monitor) throws IOException {
        for (URI source : sources) {
            IArtifactRepository repo;
            try {
                repo = manager.loadRepository(source, monitor);
            } catch (ProvisionException e) {
                continue;
            }
            IArtifactDescriptor[] found = repo.getArtifactDescriptors(key);
            if (found.length == 0) {
                continue;
            }
            IStatus s;
            try (OutputStream out = Files.newOutputStream(to)) {
                s = repo.getRawArtifact(found[0], out, monitor);
            }
            if (!s.isOK() && s.getSeverity() == IStatus.ERROR) {
                throw new IOException(key.getId() + " " + key.getVersion() + ": " + leaves(s));
            }
            return true;
        }
        return false;
    }
}
