using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using static Buurtbudget.Deploy.Tests.Manifests;

namespace Buurtbudget.Deploy.Tests;

/// <summary>
/// What can be checked here of the files nothing here can run: the Kubernetes manifests are parsed and must agree with
/// each other and with the image (no cluster and no container engine on the test machines); the systemd unit goes
/// through systemd-analyze (no systemd as PID 1 here either).
/// </summary>
public sealed partial class Deployment_files
{
    private static readonly string Dockerfile = File.ReadAllText(RepoPaths.Deploy("docker/Dockerfile"));

    private static Dictionary<object, object> ServerContainer() =>
        Map(Single("Deployment"), "spec", "template", "spec", "containers", 0);

    private static Dictionary<object, object> MigrationContainer() =>
        Map(Single("Job"), "spec", "template", "spec", "containers", 0);

    private static Dictionary<object, object> Env(Dictionary<object, object> container, string name) =>
        List(container, "env").Cast<Dictionary<object, object>>().SingleOrDefault(e => Text(e, "name") == name)
        ?? throw new InvalidOperationException($"no environment variable {name}");

    [Fact]
    public void Every_manifest_parses_and_names_its_kind_and_the_kustomization_lists_only_files_that_exist()
    {
        var documents = All();
        var kustomization = documents.Single(d => Text(d.Document, "kind") == "Kustomization").Document;

        Assert.All(documents, d => Assert.False(string.IsNullOrEmpty(Text(d.Document, "apiVersion")), d.File));
        Assert.All(documents.Where(d => Text(d.Document, "kind") != "Kustomization"),
            d => Assert.False(string.IsNullOrEmpty(Text(d.Document, "metadata", "name")), d.File));
        Assert.Equal(
            new[] { "Deployment", "Job", "Kustomization", "PersistentVolumeClaim", "PodDisruptionBudget", "Secret", "Service" },
            documents.Select(d => Text(d.Document, "kind")!).Order(StringComparer.Ordinal));
        Assert.All(List(kustomization, "resources").Cast<string>(), file => Assert.True(File.Exists(Path.Combine(Folder, file)), file));
        // The Job is applied on its own before an upgrade (a finished Job cannot be changed), the Secret is the operator's.
        Assert.DoesNotContain("migration-job.yaml", List(kustomization, "resources"));
        Assert.DoesNotContain("secret.example.yaml", List(kustomization, "resources"));
    }

    [Fact]
    public void The_pods_are_probed_ready_on_the_ledger_and_live_on_the_process_at_the_port_the_image_listens_on()
    {
        var container = ServerContainer();
        var port = Map(container, "ports", 0);
        var podLabels = Map(Single("Deployment"), "spec", "template", "metadata", "labels");

        Assert.Equal(("/health/ready", "http"), (Text(container, "readinessProbe", "httpGet", "path"), Text(container, "readinessProbe", "httpGet", "port")));
        Assert.Equal(("/health/live", "http"), (Text(container, "livenessProbe", "httpGet", "path"), Text(container, "livenessProbe", "httpGet", "port")));
        Assert.Equal("http", Text(port, "name"));
        string containerPort = Text(port, "containerPort")!;
        Assert.Contains($"EXPOSE {containerPort}\n", Dockerfile, StringComparison.Ordinal);
        Assert.Contains($"ASPNETCORE_HTTP_PORTS={containerPort} ", Dockerfile, StringComparison.Ordinal);
        Assert.Equal("http", Text(Single("Service"), "spec", "ports", 0, "targetPort"));
        foreach (var selector in new[] { Map(Single("Service"), "spec", "selector"), Map(Single("PodDisruptionBudget"), "spec", "selector", "matchLabels"),
            Map(Single("Deployment"), "spec", "selector", "matchLabels") })
        {
            Assert.NotEmpty(selector);
            Assert.All(selector, label => Assert.Equal(label.Value, podLabels.GetValueOrDefault(label.Key)));
        }
        Assert.Equal(Text(Single("PersistentVolumeClaim"), "metadata", "name"),
            Text(List(Single("Deployment"), "spec", "template", "spec", "volumes").Cast<Dictionary<object, object>>()
                .Single(v => Text(v, "name") == "session-keys"), "persistentVolumeClaim", "claimName"));
    }

    [Fact]
    public void The_secret_and_connection_strings_come_from_the_secret_and_only_the_migration_job_gets_the_owners()
    {
        var secretKeys = Map(Single("Secret"), "stringData").Keys.Cast<string>().ToHashSet();
        string secretName = Text(Single("Secret"), "metadata", "name")!;
        var server = ServerContainer();
        var migration = MigrationContainer();

        foreach (var (container, name, key) in new[]
        {
            (server, "Buurtbudget__Secret", "secret"),
            (server, "Buurtbudget__Postgres__ConnectionString", "postgres-app"),
            (migration, "BUURTBUDGET_OWNER_CONNECTION_STRING", "postgres-owner"),
        })
        {
            var variable = Env(container, name);
            Assert.Null(Text(variable, "value"));
            Assert.Equal((secretName, key), (Text(variable, "valueFrom", "secretKeyRef", "name"), Text(variable, "valueFrom", "secretKeyRef", "key")));
            Assert.Contains(key, secretKeys);
        }
        Assert.DoesNotContain(List(server, "env").Cast<Dictionary<object, object>>(),
            e => Text(e, "valueFrom", "secretKeyRef", "key") == "postgres-owner" || Text(e, "name")!.Contains("Owner", StringComparison.Ordinal));
        Assert.Equal(["dotnet", "/app/cli/buurtbudget.dll"], List(migration, "command").Cast<string>());
        Assert.Equal(["migrate", "--postgres", "$(BUURTBUDGET_OWNER_CONNECTION_STRING)"], List(migration, "args").Cast<string>().Take(3));
        Assert.Contains("COPY --from=build /out/cli /app/cli/", Dockerfile, StringComparison.Ordinal);
        Assert.NotEqual("0.0.0.0/0", Text(Env(server, "Buurtbudget__KnownProxies__0"), "value"));
    }

    [Fact]
    public void The_pods_run_as_the_images_unprivileged_user_on_a_read_only_root_with_resource_requests()
    {
        foreach (var (workload, container) in new[] { (Single("Deployment"), ServerContainer()), (Single("Job"), MigrationContainer()) })
        {
            var pod = Map(workload, "spec", "template", "spec");
            Assert.Equal("true", Text(pod, "securityContext", "runAsNonRoot"));
            // 1654 is APP_UID, the unprivileged user of Microsoft's .NET images, which the Dockerfile switches to.
            Assert.Equal("1654", Text(pod, "securityContext", "runAsUser"));
            Assert.Equal("false", Text(pod, "automountServiceAccountToken"));
            Assert.Equal("true", Text(container, "securityContext", "readOnlyRootFilesystem"));
            Assert.Equal("false", Text(container, "securityContext", "allowPrivilegeEscalation"));
            Assert.Equal(["ALL"], List(container, "securityContext", "capabilities", "drop").Cast<string>());
            Assert.NotNull(Text(container, "resources", "requests", "cpu"));
            Assert.NotNull(Text(container, "resources", "requests", "memory"));
            Assert.NotNull(Text(container, "resources", "limits", "memory"));
        }
        Assert.Contains("\nUSER $APP_UID\n", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("\nVOLUME /data\n", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("Buurtbudget__DataDirectory=/data", Dockerfile, StringComparison.Ordinal);
        Assert.Matches(@"HEALTHCHECK [^\n]*\\\n[^\n]*/health/ready", Dockerfile);
        Assert.Equal("/data", Text(List(ServerContainer(), "volumeMounts").Cast<Dictionary<object, object>>().First(), "mountPath"));
    }

    private static async Task<string> SystemdAnalyzeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("systemd-analyze") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("systemd-analyze is missing: tests/run-all.sh installs it (apt-get install systemd).");
        }
        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            string text = await output + await error;
            Assert.True(process.ExitCode == 0, $"systemd-analyze {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{text}");
            return text;
        }
    }

    [Fact]
    public async Task The_systemd_unit_passes_systemd_analyze_verify_silently_and_its_exposure_is_low()
    {
        string unit = RepoPaths.Deploy("systemd/buurtbudget.service");

        string verify = await SystemdAnalyzeAsync("verify", unit);
        string security = await SystemdAnalyzeAsync("security", "--offline=yes", unit);

        // verify exits 0 even for an unknown or misspelt setting; it only says so.
        Assert.Equal("", verify.Trim());
        var exposure = ExposureLevel().Match(security);
        Assert.True(exposure.Success, security);
        Assert.True(double.Parse(exposure.Groups[1].Value, CultureInfo.InvariantCulture) <= 2.0, exposure.Value);
    }

    [Fact]
    public void The_systemd_unit_serves_where_the_nginx_site_sends_requests_and_believes_only_that_nginx()
    {
        string unit = File.ReadAllText(RepoPaths.Deploy("systemd/buurtbudget.service"));
        string site = File.ReadAllText(RepoPaths.Deploy("nginx/buurtbudget.conf"));

        Assert.Contains("Environment=ASPNETCORE_URLS=http://127.0.0.1:5000\n", unit, StringComparison.Ordinal);
        Assert.Contains("server 127.0.0.1:5000 ", site, StringComparison.Ordinal);
        Assert.Contains("Environment=Buurtbudget__KnownProxies__0=127.0.0.1\n", unit, StringComparison.Ordinal);
        Assert.Contains("\nDynamicUser=yes\n", unit, StringComparison.Ordinal);
        Assert.Contains("\nProtectSystem=strict\n", unit, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Overall exposure level for [^:]+: (\d+\.\d+)")]
    private static partial Regex ExposureLevel();
}
