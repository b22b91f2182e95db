using Ppl.Language.Diagnostics;

namespace Ppl.Language.Tests;

/// <summary>The rendered form: header, source line, caret underline, hint.</summary>
public sealed class RendererTests
{
    [Fact]
    public void Renders_header_source_line_caret_and_hint()
    {
        var diagnostic = Diagnostic.Error("PPL0005", "msg", new SourceSpan("m.ppl", 2, 4, 3), "do this");
        var text = DiagnosticRenderer.Render([diagnostic], "first\nab cdef gh\nthird");
        Assert.Equal("m.ppl:2:4: error PPL0005: msg\n   2 | ab cdef gh\n     |    ^^^\n     = hint: do this\n", text);
    }

    [Fact]
    public void Caret_keeps_tabs_so_it_lines_up()
    {
        var diagnostic = Diagnostic.Error("PPL0009", "msg", new SourceSpan("m.ppl", 1, 3, 1));
        var text = DiagnosticRenderer.Render([diagnostic], "\t\tx");
        Assert.Contains("     | \t\t^\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Underline_stops_at_the_end_of_the_line_and_is_at_least_one_caret()
    {
        var long_ = Diagnostic.Error("PPL0004", "m", new SourceSpan("m.ppl", 1, 3, 100));
        Assert.EndsWith("|   ^^^\n", DiagnosticRenderer.Render([long_], "abcde\nfgh"), StringComparison.Ordinal);
        var atEnd = Diagnostic.Error("PPL0004", "m", new SourceSpan("m.ppl", 1, 6, 0));
        Assert.EndsWith("|      ^\n", DiagnosticRenderer.Render([atEnd], "abcde"), StringComparison.Ordinal);
    }

    [Fact]
    public void Wide_line_numbers_widen_the_gutter()
    {
        var source = string.Concat(Enumerable.Repeat("x\n", 12345)) + "bad";
        var diagnostic = Diagnostic.Error("PPL0009", "m", new SourceSpan("m.ppl", 12346, 1, 3));
        var text = DiagnosticRenderer.Render([diagnostic], source);
        Assert.Contains("\n 12346 | bad\n       | ^^^\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnostic_without_position_is_one_line()
    {
        var diagnostic = Diagnostic.Error("PPL0001", "cannot read 'x.ppl': no such file", SourceSpan.WholeFile("x.ppl"));
        Assert.Equal("ppl: error PPL0001: cannot read 'x.ppl': no such file\n", DiagnosticRenderer.Render([diagnostic], ""));
    }
}
