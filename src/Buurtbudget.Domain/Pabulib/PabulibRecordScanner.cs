using System.Buffers;
using System.Text;

namespace Buurtbudget.Domain.Pabulib;

/// <summary>
/// Splits .pb text into records of fields the way Python's <c>csv</c> module does with delimiter <c>;</c>
/// (the module that writes and reads Pabulib files): a field that starts with <c>"</c> is quoted, <c>""</c>
/// inside it is one quote, and it may span lines. Records end at LF, CRLF or CR, mixed freely.
/// Blank lines are skipped. Unquoted fields are not copied: callers look at them as spans of the text.
/// </summary>
internal sealed class PabulibRecordScanner
{
    private static readonly SearchValues<char> s_fieldEnds = SearchValues.Create(";\r\n");

    private readonly string _text;
    private readonly List<Field> _fields = [];
    private readonly StringBuilder _quoted = new();
    private int _position;
    private int _nextLine = 1;

    public PabulibRecordScanner(string text)
    {
        _text = text;

        // A byte-order mark survives when the caller decoded the bytes without looking for one.
        _position = text.StartsWith('\uFEFF') ? 1 : 0;
    }

    /// <summary>The 1-based line the current record starts on; after the end, the line of the last record.</summary>
    public int Line { get; private set; }

    public int Count => _fields.Count;

    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            var field = _fields[index];
            return field.Quoted is null ? _text.AsSpan(field.Start, field.Length) : field.Quoted.AsSpan();
        }
    }

    public bool IsQuoted(int index) => _fields[index].Quoted is not null;

    /// <summary>The field as a string; quoted fields were already built, so this does not copy them again.</summary>
    public string Text(int index)
    {
        var field = _fields[index];
        return field.Quoted ?? _text.Substring(field.Start, field.Length);
    }

    /// <summary>Moves to the next non-blank record; false at the end of the text.</summary>
    public bool MoveNext()
    {
        while (_position < _text.Length)
        {
            ReadRecord();
            if (!IsBlank())
            {
                return true;
            }
        }

        _fields.Clear();
        return false;
    }

    private bool IsBlank() => _fields.Count == 1 && _fields[0].Quoted is null && this[0].IsWhiteSpace();

    private void ReadRecord()
    {
        Line = _nextLine;
        _fields.Clear();
        while (true)
        {
            if (_position < _text.Length && _text[_position] == '"')
            {
                ReadQuotedField();
            }
            else
            {
                var start = _position;
                _position = EndOfField(start);
                _fields.Add(new Field(start, _position - start, null));
            }

            if (_position >= _text.Length)
            {
                return;
            }

            var delimiter = _text[_position++];
            if (delimiter == ';')
            {
                continue;
            }

            if (delimiter == '\r' && _position < _text.Length && _text[_position] == '\n')
            {
                _position++;
            }

            _nextLine++;
            return;
        }
    }

    private void ReadQuotedField()
    {
        _quoted.Clear();
        var position = _position + 1;
        while (true)
        {
            var length = _text.AsSpan(position).IndexOf('"');
            if (length < 0)
            {
                throw new PabulibFormatException(Line, null,
                    "a field starts with a quote (\") here but the closing quote never comes");
            }

            var content = _text.AsSpan(position, length);
            _nextLine += CountLineBreaks(content);
            _quoted.Append(content);
            position += length + 1;
            if (position < _text.Length && _text[position] == '"')
            {
                _quoted.Append('"');
                position++;
                continue;
            }

            break;
        }

        // Like Python's csv (non-strict), text between the closing quote and the next ';' is kept as is.
        var end = EndOfField(position);
        _quoted.Append(_text.AsSpan(position, end - position));
        _position = end;
        _fields.Add(new Field(0, 0, _quoted.ToString()));
    }

    private int EndOfField(int start)
    {
        var length = _text.AsSpan(start).IndexOfAny(s_fieldEnds);
        return length < 0 ? _text.Length : start + length;
    }

    private static int CountLineBreaks(ReadOnlySpan<char> text)
    {
        var breaks = text.Count('\n');
        for (var i = text.IndexOf('\r'); i >= 0; i = text.IndexOf('\r'))
        {
            if (i + 1 >= text.Length || text[i + 1] != '\n')
            {
                breaks++;
            }

            text = text[(i + 1)..];
        }

        return breaks;
    }

    /// <summary>An unquoted field is a slice of the text; a quoted one has its unescaped content in <see cref="Quoted"/>.</summary>
    private readonly record struct Field(int Start, int Length, string? Quoted);
}
