using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Retention.Metrics.Tests.Cli;

/// <summary>Loads the HTML report of the sample shop in a real headless Chromium over the DevTools protocol: no console errors,
/// every chart laid out with a non-zero size, and a full-page screenshot written as a test artifact.</summary>
public sealed class HtmlReportBrowserTests(ITestOutputHelper output)
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Report_InHeadlessChromium_LoadsWithoutErrorsAndDrawsEveryChart()
    {
        if (!File.Exists(ChromiumPath))
        {
            const string Message = "Chromium is not installed at /usr/bin/chromium; install Debian's chromium (apt-get install -y chromium) to run the browser test of the HTML report.";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))) Assert.Fail(Message);
            output.WriteLine(Message + " Skipped.");
            return;
        }

        string artifacts = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(artifacts);
        string reportPath = Path.Combine(artifacts, "report.html");
        string screenshotPath = Path.Combine(artifacts, "report-screenshot.png");
        File.Delete(screenshotPath);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(0, Metrics.Cli.Cli.Run(["report", "--sample", "--out", reportPath], stdout, stderr));
        Assert.Equal("", stderr.ToString());

        string profile = Path.Combine(Path.GetTempPath(), $"chromium-{Guid.NewGuid():N}");
        Directory.CreateDirectory(profile);
        using var browser = StartChromium(profile);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            int port = await ReadDevToolsPortAsync(profile, browser, cts.Token);
            Uri pageUrl = await FindPageTargetAsync(port, cts.Token);
            await using var cdp = await DevTools.ConnectAsync(pageUrl, cts.Token);
            await cdp.SendAsync("Runtime.enable", null, cts.Token);
            await cdp.SendAsync("Log.enable", null, cts.Token);
            await cdp.SendAsync("Page.enable", null, cts.Token);
            await cdp.SendAsync("Emulation.setDeviceMetricsOverride",
                new JsonObject { ["width"] = 1100, ["height"] = 900, ["deviceScaleFactor"] = 1, ["mobile"] = false }, cts.Token);

            Task load = cdp.WaitForEventAsync("Page.loadEventFired", cts.Token);
            JsonNode navigate = await cdp.SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(reportPath).AbsoluteUri }, cts.Token);
            Assert.Null(navigate["errorText"]);
            await load.WaitAsync(s_timeout, cts.Token);

            JsonNode? sizes = await cdp.EvaluateAsync(
                "Array.from(document.querySelectorAll('svg.chart')).map(s => { const r = s.getBoundingClientRect(); return { id: s.id, width: r.width, height: r.height }; })",
                cts.Token);
            JsonArray charts = sizes!.AsArray();
            output.WriteLine($"charts: {charts.ToJsonString()}");
            Assert.True(charts.Count >= 6, $"expected at least 6 charts, found {charts.Count}");
            foreach (JsonNode? chart in charts)
            {
                Assert.True((double)chart!["width"]! > 0 && (double)chart["height"]! > 0, $"chart {chart["id"]} has zero size: {chart.ToJsonString()}");
            }
            Assert.Equal(0, (int)(await cdp.EvaluateAsync("document.querySelectorAll('script, link, iframe, img[src^=\"http\"]').length", cts.Token))!);

            // Full-page screenshot: resize the viewport to the content, then capture.
            double height = (double)(await cdp.EvaluateAsync("document.documentElement.scrollHeight", cts.Token))!;
            await cdp.SendAsync("Emulation.setDeviceMetricsOverride",
                new JsonObject { ["width"] = 1100, ["height"] = (int)Math.Min(16_000, Math.Ceiling(height)), ["deviceScaleFactor"] = 1, ["mobile"] = false }, cts.Token);
            JsonNode shot = await cdp.SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }, cts.Token);
            byte[] png = Convert.FromBase64String((string)shot["data"]!);
            await File.WriteAllBytesAsync(screenshotPath, png, cts.Token);
            output.WriteLine($"screenshot: {screenshotPath} ({png.Length:N0} bytes); report: {reportPath}");

            Assert.True(png.Length > 10_000, $"the screenshot has only {png.Length} bytes");
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
            int width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
            int pngHeight = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
            Assert.Equal(1100, width);
            Assert.True(pngHeight >= 2000, $"the screenshot is only {pngHeight} px high");

            string[] errors = cdp.Errors();
            Assert.True(errors.Length == 0, "console errors or exceptions:\n" + string.Join("\n", errors));
        }
        finally
        {
            try
            {
                if (!browser.HasExited) browser.Kill(entireProcessTree: true);
                browser.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // a child may still hold a file for a moment; the temp directory is cleaned eventually
            }
        }
    }

    private static Process StartChromium(string profile)
    {
        var start = new ProcessStartInfo(ChromiumPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
            $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"])
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        // Drain the pipes so that a chatty browser never blocks on a full buffer.
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<int> ReadDevToolsPortAsync(string profile, Process browser, CancellationToken cancellationToken)
    {
        string file = Path.Combine(profile, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < s_timeout)
        {
            if (browser.HasExited) Assert.Fail($"chromium exited with code {browser.ExitCode} before opening the DevTools port");
            if (File.Exists(file))
            {
                string[] lines = await File.ReadAllLinesAsync(file, cancellationToken);
                if (lines.Length > 0 && int.TryParse(lines[0], out int port) && port > 0) return port;
            }
            await Task.Delay(100, cancellationToken);
        }
        Assert.Fail($"chromium wrote no {file} within {s_timeout.TotalSeconds} s");
        return 0;
    }

    private static async Task<Uri> FindPageTargetAsync(int port, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < s_timeout)
        {
            string json = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json"), cancellationToken);
            foreach (JsonNode? target in JsonNode.Parse(json)!.AsArray())
            {
                if ((string?)target?["type"] == "page" && (string?)target["webSocketDebuggerUrl"] is { } url) return new Uri(url);
            }
            await Task.Delay(100, cancellationToken);
        }
        Assert.Fail($"chromium listed no page target within {s_timeout.TotalSeconds} s");
        return null!;
    }

    /// <summary>A minimal DevTools protocol client: commands by id, events recorded, console errors and exceptions collected.</summary>
    private sealed class DevTools : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket;
        private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> _pending = new();
        private readonly ConcurrentQueue<string> _errors = new();
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _events = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _receiver;
        private int _nextId;

        private DevTools(ClientWebSocket socket)
        {
            _socket = socket;
            _receiver = Task.Run(ReceiveLoopAsync);
        }

        internal static async Task<DevTools> ConnectAsync(Uri url, CancellationToken cancellationToken)
        {
            var socket = new ClientWebSocket();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(s_timeout);
            await socket.ConnectAsync(url, timeout.Token);
            return new DevTools(socket);
        }

        internal string[] Errors() => [.. _errors];

        internal Task WaitForEventAsync(string method, CancellationToken cancellationToken) =>
            _events.GetOrAdd(method, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(s_timeout, cancellationToken);

        internal async Task<JsonNode> SendAsync(string method, JsonObject? parameters, CancellationToken cancellationToken)
        {
            int id = Interlocked.Increment(ref _nextId);
            var reply = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[id] = reply;
            var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
            byte[] bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            JsonNode response = await reply.Task.WaitAsync(s_timeout, cancellationToken);
            if (response["error"] is { } error) Assert.Fail($"{method} failed: {error.ToJsonString()}");
            return response["result"] ?? new JsonObject();
        }

        internal async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken)
        {
            JsonNode result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, cancellationToken);
            if (result["exceptionDetails"] is { } details) Assert.Fail($"evaluating {expression} threw: {details.ToJsonString()}");
            return result["result"]?["value"];
        }

        private async Task ReceiveLoopAsync()
        {
            var buffer = new byte[1 << 16];
            var message = new MemoryStream();
            try
            {
                while (_socket.State == WebSocketState.Open)
                {
                    WebSocketReceiveResult result = await _socket.ReceiveAsync(buffer, _stop.Token);
                    if (result.MessageType == WebSocketMessageType.Close) break;
                    message.Write(buffer, 0, result.Count);
                    if (!result.EndOfMessage) continue;
                    JsonNode? node = JsonNode.Parse(message.ToArray());
                    message.SetLength(0);
                    if (node is null) continue;
                    if (node["id"] is { } id)
                    {
                        if (_pending.TryRemove((int)id, out var reply)) reply.TrySetResult(node);
                        continue;
                    }
                    string method = (string?)node["method"] ?? "";
                    JsonNode? p = node["params"];
                    JsonNode? args = p?["args"];
                    string? type = (string?)p?["type"];
                    string? level = (string?)p?["entry"]?["level"];
                    if (method == "Runtime.exceptionThrown")
                        _errors.Enqueue("exception: " + p?["exceptionDetails"]?.ToJsonString());
                    else if (method == "Runtime.consoleAPICalled" && type is "error" or "assert")
                        _errors.Enqueue("console." + type + ": " + args?.ToJsonString());
                    else if (method == "Log.entryAdded" && level == "error")
                        _errors.Enqueue("log: " + p?["entry"]?.ToJsonString());
                    _events.GetOrAdd(method, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                }
            }
            catch (OperationCanceledException)
            {
                // disposing
            }
            catch (WebSocketException)
            {
                // the browser went away; pending commands time out
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                if (_socket.State == WebSocketState.Open)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // closing is best effort
            }
            await _receiver.ConfigureAwait(false);
            _socket.Dispose();
            _stop.Dispose();
        }
    }
}
