using System.Text.Json;
using System.Text.Json.Serialization;

namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>A <see cref="BallotDigest"/> in events as the lower-case hex string they have always carried, so
/// ledgers written before digests were values read the same, and new entries hash to the same bytes.</summary>
internal sealed class BallotDigestJsonConverter : JsonConverter<BallotDigest>
{
    public override BallotDigest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return BallotDigest.Parse(reader.GetString() ?? throw new JsonException("A ballot digest cannot be null."));
        }
        catch (FormatException exception)
        {
            throw new JsonException(exception.Message, exception);
        }
    }

    public override void Write(Utf8JsonWriter writer, BallotDigest value, JsonSerializerOptions options)
    {
        Span<byte> bytes = stackalloc byte[BallotDigest.Length];
        Span<char> hex = stackalloc char[2 * BallotDigest.Length];
        value.CopyTo(bytes);
        Convert.TryToHexStringLower(bytes, hex, out _);
        writer.WriteStringValue(hex);
    }
}
