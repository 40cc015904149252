package org.loupe.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.equinox.internal.p2.repository.Transport;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.engine.IEngine;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.engine.IProvisioningPlan;
import org.eclipse.equinox.p2.engine.PhaseSetFactory;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.engine.query.UserVisibleRootQuery;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.IRequirement;
import org.eclipse.equinox.p2.planner.IPlanner;
import org.eclipse.equinox.p2.planner.IProfileChangeRequest;
import org.eclipse.equinox.p2.planner.ProfileInclusionRules;
import org.eclipse.equinox.p2.query.IQueryable;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.loupe.api.LoupeException;
import org.loupe.plugins.internal.ArtifactCheck;
import org.loupe.plugins.internal.FolderSnapshot;
import org.loupe.plugins.internal.JarSigners;
import org.loupe.plugins.internal.LineMonitor;
import org.loupe.plugins.internal.PlanRefusal;
import org.loupe.plugins.internal.SiteTransport;
import org.loupe.plugins.internal.TrustPrompt;
import org.loupe.plugins.internal.TrustedSigners;
import org.loupe.plugins.internal.UserArea;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A Loupe installation whose plugins p2 installs, updates and removes: the folder with {@code plugins/},
 * {@code configuration/} and the {@code p2/} profile the product was built with. Every change is planned against
 * what is installed (API version ranges, singletons) and refused in one line naming both sides when it cannot be
 * made; a change that fails while being carried out (untrusted signer, tampered jar, unreadable site) leaves the
 * folder as it was. Changes take effect when Loupe next starts.
 */
public final class PluginInstallation implements AutoCloseable {

    /** The profile property recording the update site a plugin was installed from. */
    public static final String SOURCE = "org.loupe.plugins.source";

    private static final String ROOT = "org.eclipse.equinox.p2.type.root";
    private static final String CACHE_EXTENSIONS = "org.eclipse.equinox.p2.cache.extensions";
    private static final String GROUP = ".feature.group";

    private final Path product;
    private final Path folder;
    private final String profileId;
    private final IProvisioningAgent agent;
    private final InstallOptions options;
    private final TrustPrompt trust;
    private final Set<String> trustedNames;

    private PluginInstallation(Path product, Path folder, String profileId, IProvisioningAgent agent,
            InstallOptions options, TrustPrompt trust, Set<String> trustedNames) {
        this.product = product;
        this.folder = folder;
        this.profileId = profileId;
        this.agent = agent;
        this.options = options;
        this.trust = trust;
        this.trustedNames = trustedNames;
    }

    /**
     * The installation this Loupe runs from, trusting also the certificates in this user's {@code LOUPE_HOME/trusted}
     * (the launcher passes the folder as {@code loupe.home}).
     */
    public static PluginInstallation running(InstallOptions options) throws LoupeException {
        String home = System.getProperty("loupe.home");
        return open(runningFolder(), options, home == null ? List.of() : List.of(Path.of(home, "trusted")));
    }

    /** The folder of the installation this Loupe runs from. */
    public static Path runningFolder() throws LoupeException {
        BundleContext bc = FrameworkUtil.getBundle(PluginInstallation.class).getBundleContext();
        String area = bc.getProperty("osgi.install.area");
        if (area == null) {
            throw LoupeException.usage("this Loupe was started without an installation folder (osgi.install.area)");
        }
        return Path.of(URI.create(area.replace(" ", "%20")));
    }

    /** The installation in {@code folder}, trusting its own signers and those in {@code userTrust} folders. */
    public static PluginInstallation open(Path folder, InstallOptions options, List<Path> userTrust)
            throws LoupeException {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("p2/org.eclipse.equinox.p2.engine"))) {
            throw LoupeException.badInput(root.toString(), "not a p2-managed Loupe installation (no p2/ folder)");
        }
        List<Path> trustFolders = new ArrayList<>();
        trustFolders.add(root.resolve("configuration/org.loupe.plugins/trusted"));
        trustFolders.addAll(userTrust);
        TrustPrompt prompt;
        TrustedSigners known;
        try {
            known = TrustedSigners.in(trustFolders);
            prompt = new TrustPrompt(known, options.trust());
        } catch (IOException e) {
            throw LoupeException.badInput("trusted signers", e.getMessage(), e);
        }
        Path target = options.user() || !UserArea.writable(root) ? userArea(root) : root;
        BundleContext bc = FrameworkUtil.getBundle(PluginInstallation.class).getBundleContext();
        ServiceTracker<IProvisioningAgentProvider, IProvisioningAgentProvider> tracker = new ServiceTracker<>(bc,
                IProvisioningAgentProvider.class, null);
        tracker.open();
        try {
            IProvisioningAgentProvider provider = tracker.waitForService(30_000);
            if (provider == null) {
                throw LoupeException.usage("p2 is not running in this Loupe (bundle org.eclipse.equinox.p2.core)");
            }
            IProvisioningAgent agent = provider.createAgent(target.resolve("p2").toUri());
            agent.registerService(Transport.SERVICE_NAME, new SiteTransport(options.allowInsecure()));
            agent.registerService(UIServices.SERVICE_NAME, prompt);
            return new PluginInstallation(root, target, profileId(root), agent, options, prompt, Set.copyOf(known
                    .names()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoupeException(LoupeException.Reason.CANCELLED, "interrupted while starting p2");
        } catch (ProvisionException e) {
            throw LoupeException.badInput(root + "/p2", e.getMessage(), e);
        } finally {
            tracker.close();
        }
    }

    /** Where changes go: the product's folder, or this user's area beside it. */
    public Path folder() {
        return folder;
    }

    /** Whether changes go to this user's area rather than to the product, which stays as it is for everyone else. */
    public boolean forUser() {
        return !folder.equals(product);
    }

    /** Whether this user has a plugin area of their own beside the running product (then it is what they run). */
    public static boolean hasUserArea() {
        String area = System.getProperty("loupe.user.area");
        return area != null && !area.isBlank() && Files.isDirectory(Path.of(area, "p2"));
    }

    /** This user's area for {@code product}, made on first use: the launcher names it in {@code loupe.user.area}. */
    private static Path userArea(Path product) throws LoupeException {
        String area = System.getProperty("loupe.user.area");
        if (area == null || area.isBlank()) {
            throw LoupeException.usage(product + " cannot be changed from here, and no per-user area is set (start "
                    + "Loupe with ./loupe, which sets loupe.user.area)");
        }
        try {
            return UserArea.prepare(product, Path.of(area).toAbsolutePath().normalize());
        } catch (IOException e) {
            throw LoupeException.badInput(area, "cannot prepare the per-user plugin area: " + e.getMessage(), e);
        }
    }

    /**
     * The plugins (features) an update site offers, newest version of each, with who signed their bundles (read
     * from the jars) and whether those are signers this installation trusts.
     */
    public List<AvailablePlugin> available(URI source) throws LoupeException {
        IMetadataRepository repo = load(source);
        List<AvailablePlugin> out = new ArrayList<>();
        IArtifactRepositoryManager artifacts = agent.getService(IArtifactRepositoryManager.class);
        for (IInstallableUnit iu : repo.query(QueryUtil.createLatestQuery(QueryUtil.createIUGroupQuery()),
                monitor())) {
            List<String> signers;
            try {
                signers = ArtifactCheck.signers(bundles(repo, iu), artifacts, List.of(source), monitor());
            } catch (IOException e) {
                throw LoupeException.badInput(source.toString(), "cannot read " + featureId(iu) + ": "
                        + e.getMessage(), e);
            }
            out.add(new AvailablePlugin(featureId(iu), iu.getVersion().toString(), text(iu, IInstallableUnit.PROP_NAME),
                    text(iu, IInstallableUnit.PROP_PROVIDER), text(iu, IInstallableUnit.PROP_DESCRIPTION),
                    signers.isEmpty() ? "-" : String.join(", ", signers), !signers.isEmpty() && signers.stream()
                            .allMatch(trustedNames::contains)));
        }
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }

    /**
     * Installs the named features of {@code source} (every feature it offers when none is named) and returns what
     * was installed; what is already installed at the same version is left alone.
     */
    public PluginChange install(URI source, List<String> features) throws LoupeException {
        IMetadataRepository repo = load(source);
        List<IInstallableUnit> units = new ArrayList<>();
        if (features.isEmpty()) {
            repo.query(QueryUtil.createLatestQuery(QueryUtil.createIUGroupQuery()), monitor()).forEach(units::add);
            if (units.isEmpty()) {
                throw LoupeException.badInput(source.toString(), "the site offers no features");
            }
        } else {
            for (String f : features) {
                Set<IInstallableUnit> found = repo.query(QueryUtil.createLatestQuery(QueryUtil.createIUQuery(
                        f.endsWith(GROUP) ? f : f + GROUP)), monitor()).toUnmodifiableSet();
                if (found.isEmpty()) {
                    throw LoupeException.badInput(source.toString(), "no feature " + f + " (the site offers: "
                            + String.join(", ", available(source).stream().map(AvailablePlugin::id).toList()) + ")");
                }
                units.addAll(found);
            }
        }
        IProfile profile = current();
        units.removeIf(iu -> !profile.query(QueryUtil.createIUQuery(iu.getId(), iu.getVersion()), null).isEmpty());
        if (units.isEmpty()) {
            return PluginChange.none();
        }
        IProfileChangeRequest request = planner().createChangeRequest(profile);
        for (IInstallableUnit iu : units) {
            for (IInstallableUnit old : profile.query(QueryUtil.createIUQuery(iu.getId()), null)) {
                request.remove(old);
            }
            add(request, iu, source);
        }
        return change(request, List.of(source), () -> units.stream().map(this::describe).toList());
    }

    /**
     * Updates the named plugin, or every plugin when {@code id} is empty, to the newest version its own site or any
     * of {@code sources} offers; returns what was updated.
     */
    public PluginChange update(Optional<String> id, List<URI> sources) throws LoupeException {
        IProfile profile = current();
        List<IInstallableUnit> installed = userRoots(profile);
        if (id.isPresent()) {
            installed.removeIf(iu -> !featureId(iu).equals(stripGroup(id.get())));
            if (installed.isEmpty()) {
                throw LoupeException.usage("no installed plugin " + id.get() + " (see 'loupe plugins --installed')");
            }
        }
        IProfileChangeRequest request = planner().createChangeRequest(profile);
        Set<URI> used = new LinkedHashSet<>();
        List<IInstallableUnit> newer = new ArrayList<>();
        for (IInstallableUnit old : installed) {
            Set<URI> where = new LinkedHashSet<>();
            where.add(URI.create(profile.getInstallableUnitProperty(old, SOURCE)));
            where.addAll(sources);
            IInstallableUnit best = old;
            URI from = null;
            for (URI site : where) {
                for (IInstallableUnit iu : load(site).query(QueryUtil.createLatestQuery(QueryUtil.createIUQuery(
                        old.getId())), monitor())) {
                    if (iu.getVersion().compareTo(best.getVersion()) > 0) {
                        best = iu;
                        from = site;
                    }
                }
            }
            if (from != null) {
                request.remove(old);
                add(request, best, from);
                newer.add(best);
                used.add(from);
            }
        }
        if (newer.isEmpty()) {
            return PluginChange.none();
        }
        return change(request, List.copyOf(used), () -> newer.stream().map(this::describe).toList());
    }

    /** Removes a plugin installed from a site; Loupe's own features cannot be removed this way. */
    public PluginChange uninstall(String id) throws LoupeException {
        IProfile profile = current();
        Optional<IInstallableUnit> unit = userRoots(profile).stream().filter(iu -> featureId(iu).equals(stripGroup(
                id))).findFirst();
        if (unit.isEmpty()) {
            boolean builtIn = !profile.query(QueryUtil.createIUQuery(stripGroup(id) + GROUP), null).isEmpty();
            throw LoupeException.usage(builtIn ? id + " is part of Loupe itself and is not uninstalled on its own"
                    : "no installed plugin " + id + " (see 'loupe plugins --installed')");
        }
        InstalledPlugin gone = describe(unit.get());
        IProfileChangeRequest request = planner().createChangeRequest(profile);
        request.remove(unit.get());
        return change(request, List.of(), () -> List.of(gone));
    }

    /**
     * The plugin installed from a site that brought {@code bundle}, if one did (reading only that plugin's jars, not
     * the whole product's as {@link #installed()} does).
     */
    public Optional<InstalledPlugin> providing(String bundle) {
        IProfile profile = profile();
        return userRoots(profile).stream().filter(iu -> bundles(profile, iu).stream().anyMatch(b -> b.getId().equals(
                bundle))).findFirst().map(this::describe);
    }

    /** Every root of the installation: the product, then the plugins installed from sites. */
    public List<InstalledPlugin> installed() {
        IProfile profile = profile();
        List<InstalledPlugin> out = new ArrayList<>();
        for (IInstallableUnit iu : profile.query(new UserVisibleRootQuery(), null)) {
            out.add(describe(iu));
        }
        out.sort(Comparator.comparing(InstalledPlugin::fromSite).thenComparing(InstalledPlugin::id));
        return out;
    }

    /** Stops p2; a user's area that holds no plugin of theirs any more (or never did) is removed. */
    @Override
    public void close() {
        boolean empty = forUser() && userRoots(profile()).isEmpty();
        agent.stop();
        if (empty) {
            try {
                UserArea.remove(folder);
            } catch (IOException e) {
                options.progress().accept("could not remove the empty plugin area " + folder + ": " + e.getMessage());
            }
        }
    }

    private void add(IProfileChangeRequest request, IInstallableUnit iu, URI source) {
        request.add(iu);
        request.setInstallableUnitProfileProperty(iu, ROOT, "true");
        request.setInstallableUnitProfileProperty(iu, SOURCE, source.toString());
        request.setInstallableUnitInclusionRules(iu, ProfileInclusionRules.createStrictInclusionRule(iu));
    }

    /**
     * Plans {@code request}; carries it out with the folder restored on failure; describes what it did with
     * {@code plugins} (asked after the change, when the profile knows the new units).
     */
    private PluginChange change(IProfileChangeRequest request, List<URI> sources,
            Supplier<List<InstalledPlugin>> plugins) throws LoupeException {
        IProfile profile = profile();
        ProvisioningContext context = new ProvisioningContext(agent);
        context.setMetadataRepositories(sources.toArray(URI[]::new));
        context.setArtifactRepositories(sources.toArray(URI[]::new));
        IProvisioningPlan plan = planner().getProvisioningPlan(request, context, monitor());
        if (plan.getStatus().getSeverity() == IStatus.ERROR || plan.getStatus().getSeverity() == IStatus.CANCEL) {
            throw LoupeException.badInput("refused", PlanRefusal.explain(plan.getStatus(), profile));
        }
        FolderSnapshot before;
        try {
            String bad = ArtifactCheck.problem(plan, agent.getService(IArtifactRepositoryManager.class), sources,
                    monitor());
            if (bad != null) {
                throw LoupeException.badInput("refused", bad);
            }
            before = FolderSnapshot.take(folder);
        } catch (IOException e) {
            throw LoupeException.badInput(folder.toString(), "cannot check or read what is installed: "
                    + e.getMessage(), e);
        }
        IStatus done = engine().perform(plan, PhaseSetFactory.createDefaultPhaseSet(), monitor());
        if (!done.isOK() && done.getSeverity() != IStatus.INFO && done.getSeverity() != IStatus.WARNING) {
            String why = trust.refused().isEmpty() ? PlanRefusal.explain(done, profile)
                    : String.join("; ", trust.refused()) + " (install with --trust to accept it)";
            try {
                before.restore();
            } catch (IOException e) {
                why += "; and the folder could not be restored: " + e.getMessage();
            }
            throw LoupeException.badInput("refused", why);
        }
        try {
            if (forUser()) {
                UserArea.absolute(folder);
            }
            FolderSnapshot after = FolderSnapshot.take(folder);
            return new PluginChange(plugins.get(), after.bundlesNotIn(before), before.bundlesNotIn(after));
        } catch (IOException e) {
            throw LoupeException.badInput(folder.toString(), "changed, but cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Points the profile at the folder it is in now: a product is built in one place and unpacked in another, and
     * p2 writes its bundles where the profile says the installation is. Returns the profile as it is then.
     */
    private IProfile current() throws LoupeException {
        IProfile profile = profile();
        String here = folder.toString();
        if (here.equals(profile.getProperty(IProfile.PROP_INSTALL_FOLDER))
                && here.equals(profile.getProperty(IProfile.PROP_CACHE))) {
            return profile;
        }
        IProfileChangeRequest move = planner().createChangeRequest(profile);
        move.setProfileProperty(IProfile.PROP_INSTALL_FOLDER, here);
        move.setProfileProperty(IProfile.PROP_CACHE, here);
        if (forUser()) {
            // the product's own bundles stay where they are: p2 finds them in the product's bundle pool
            move.setProfileProperty(CACHE_EXTENSIONS, product.toUri().toString());
        }
        IProvisioningPlan plan = planner().getProvisioningPlan(move, new ProvisioningContext(agent), monitor());
        IStatus s = plan.getStatus().isOK() ? engine().perform(plan, monitor()) : plan.getStatus();
        if (!s.isOK()) {
            throw LoupeException.badInput(folder.toString(), "cannot move the p2 profile here: " + s.getMessage());
        }
        return profile();
    }

    private InstalledPlugin describe(IInstallableUnit iu) {
        IProfile profile = profile();
        String source = profile.getInstallableUnitProperty(iu, SOURCE);
        List<IInstallableUnit> bundles = bundles(profile, iu);
        Set<String> signers = new LinkedHashSet<>();
        for (IInstallableUnit b : bundles) {
            for (Path pool : List.of(folder, product)) {
                Path jar = pool.resolve("plugins").resolve(b.getId() + "_" + b.getVersion() + ".jar");
                if (Files.isRegularFile(jar)) {
                    signers.add(JarSigners.of(jar));
                    break;
                }
            }
        }
        return new InstalledPlugin(featureId(iu), iu.getVersion().toString(), text(iu, IInstallableUnit.PROP_NAME),
                source == null ? "Loupe" : source, signers.isEmpty() ? "-" : String.join(", ", signers),
                bundles.stream().map(IInstallableUnit::getId).toList());
    }

    /**
     * The bundles a feature brings, through the features it includes; for the product, those of its features (not
     * the launcher's own).
     */
    static List<IInstallableUnit> bundles(IQueryable<IInstallableUnit> units, IInstallableUnit root) {
        Set<IInstallableUnit> out = new LinkedHashSet<>();
        List<IInstallableUnit> todo = new ArrayList<>(List.of(root));
        Set<IInstallableUnit> seen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            IInstallableUnit iu = todo.remove(todo.size() - 1);
            if (!seen.add(iu)) {
                continue;
            }
            for (IRequirement r : iu.getRequirements()) {
                for (IInstallableUnit dep : units.query(QueryUtil.createMatchQuery(r.getMatches()), null)) {
                    if (QueryUtil.isGroup(dep)) {
                        todo.add(dep);
                    } else if (QueryUtil.isGroup(iu) && dep.getArtifacts().stream().anyMatch(a -> a.getClassifier()
                            .equals("osgi.bundle"))) {
                        out.add(dep);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private List<IInstallableUnit> userRoots(IProfile profile) {
        List<IInstallableUnit> out = new ArrayList<>();
        for (IInstallableUnit iu : profile.query(new UserVisibleRootQuery(), null)) {
            if (profile.getInstallableUnitProperty(iu, SOURCE) != null) {
                out.add(iu);
            }
        }
        return out;
    }

    private IMetadataRepository load(URI source) throws LoupeException {
        String scheme = source.getScheme() == null ? "" : source.getScheme();
        if (scheme.equals("http") && !options.allowInsecure()) {
            // said here as well as by the transport, so that it is not wrapped in "not a readable update site"
            throw LoupeException.badInput(source.toString(), SiteTransport.PLAIN_HTTP);
        }
        try {
            IArtifactRepositoryManager artifacts = agent.getService(IArtifactRepositoryManager.class);
            IMetadataRepository repo = agent.getService(IMetadataRepositoryManager.class).loadRepository(source,
                    monitor());
            artifacts.loadRepository(source, monitor());
            return repo;
        } catch (ProvisionException e) {
            throw LoupeException.badInput(source.toString(), "not a readable update site (" + e.getStatus()
                    .getMessage().replaceAll("\\s+", " ") + ")", e);
        }
    }

    private IProfile profile() {
        IProfile p = agent.getService(IProfileRegistry.class).getProfile(profileId);
        if (p == null) {
            throw new IllegalStateException(folder + ": the p2 profile " + profileId + " is missing");
        }
        return p;
    }

    private IPlanner planner() {
        return agent.getService(IPlanner.class);
    }

    private IEngine engine() {
        return agent.getService(IEngine.class);
    }

    private IProgressMonitor monitor() {
        return new LineMonitor(options.progress());
    }

    private static String profileId(Path root) {
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(root.resolve("configuration/config.ini"))) {
            config.load(in);
        } catch (IOException e) {
            return "DefaultProfile";
        }
        return config.getProperty("eclipse.p2.profile", "DefaultProfile");
    }

    private static String featureId(IInstallableUnit iu) {
        return stripGroup(iu.getId());
    }

    private static String stripGroup(String id) {
        return id.endsWith(GROUP) ? id.substring(0, id.length() - GROUP.length()) : id;
    }

    private static String text(IInstallableUnit iu, String key) {
        String v = iu.getProperty(key, null);
        return v == null ? "" : v.replaceAll("\\s+", " ").trim();
    }
}
