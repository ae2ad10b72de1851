using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Buurtbudget.Deploy.Tests;

/// <summary>The Kubernetes manifests in deploy/kubernetes, parsed as plain maps, lists and strings.</summary>
internal static class Manifests
{
    public static string Folder => RepoPaths.Deploy("kubernetes");

    /// <summary>Every document of every .yaml file, with the file it came from.</summary>
    public static List<(string File, Dictionary<object, object> Document)> All()
    {
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<(string, Dictionary<object, object>)>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            using var reader = new StringReader(File.ReadAllText(file));
            var parser = new Parser(reader);
            parser.Consume<StreamStart>();
            while (parser.Accept<DocumentStart>(out _))
            {
                documents.Add((Path.GetFileName(file), deserializer.Deserialize<Dictionary<object, object>>(parser)));
            }
        }
        return documents;
    }

    public static Dictionary<object, object> Single(string kind) => All().Single(d => Text(d.Document, "kind") == kind).Document;

    /// <summary>The value at a path of keys (and list indexes), or null when any step is missing.</summary>
    public static object? At(object? node, params object[] path)
    {
        foreach (var step in path)
        {
            node = (node, step) switch
            {
                (Dictionary<object, object> map, string key) => map.GetValueOrDefault(key),
                (List<object> list, int index) => index < list.Count ? list[index] : null,
                _ => null,
            };
        }
        return node;
    }

    public static string? Text(object? node, params object[] path) => At(node, path) as string;

    public static List<object> List(object? node, params object[] path) => At(node, path) as List<object> ?? [];

    public static Dictionary<object, object> Map(object? node, params object[] path) => At(node, path) as Dictionary<object, object> ?? [];
}
