using System.Text.Json;
using Retention.Metrics.Cli.Output;

namespace Retention.Metrics.Tests.Cli;

public class OutputFormatTests : CommandTestBase
{
    private static Table Sample()
    {
        var table = new Table("rows", "name", "count", "amount", "rate", "day", "ok");
        table.Add("plain", 3L, 0.1m + 0.2m, 0.25, new DateOnly(2024, 2, 29), true);
        table.Add("a, \"quoted\"\nname", -7, 12345678901234567890.123456789m, double.NaN, Cell.Empty, false);
        return table;
    }

    [Fact]
    public void WriteJson_Cells_AreTypedExactAndNaNIsAString()
    {
        var writer = new StringWriter();
        TableWriter.WriteJson([Sample()], writer);
        JsonElement rows = JsonDocument.Parse(writer.ToString()).RootElement.GetProperty("rows");
        Assert.Equal("plain", rows[0].GetProperty("name").GetString());
        Assert.Equal(3, rows[0].GetProperty("count").GetInt64());
        Assert.Equal(0.3m, rows[0].GetProperty("amount").GetDecimal());
        Assert.Equal(0.25, rows[0].GetProperty("rate").GetDouble());
        Assert.Equal("2024-02-29", rows[0].GetProperty("day").GetString());
        Assert.True(rows[0].GetProperty("ok").GetBoolean());
        Assert.Equal("a, \"quoted\"\nname", rows[1].GetProperty("name").GetString());
        Assert.Equal(12345678901234567890.123456789m, rows[1].GetProperty("amount").GetDecimal());
        Assert.Equal("NaN", rows[1].GetProperty("rate").GetString());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("day").ValueKind);
    }

    [Fact]
    public void WriteCsv_Fields_AreQuotedPerRfc4180()
    {
        var writer = new StringWriter();
        TableWriter.WriteCsv([Sample()], writer);
        Assert.Equal(
            "name,count,amount,rate,day,ok\r\n" +
            "plain,3,0.3,0.25,2024-02-29,true\r\n" +
            "\"a, \"\"quoted\"\"\nname\",-7,12345678901234567890.123456789,NaN,,false\r\n",
            writer.ToString());
    }

    [Fact]
    public void WriteText_Columns_AreAlignedNumbersRight()
    {
        var table = new Table("t", "name", "count", "amount");
        table.Add("x", 5, 1.5m).Add("longer", 12345, 10m);
        var writer = new StringWriter();
        TableWriter.WriteText([table], writer);
        string[] lines = writer.ToString().Split(Environment.NewLine);
        Assert.Equal("name    count  amount", lines[0]);
        Assert.Equal("------  -----  ------", lines[1]);
        Assert.Equal("x           5    1.50", lines[2]);
        Assert.Equal("longer  12345   10.00", lines[3]);
    }

    [Fact]
    public void Csv_F2_ParsesBackToTheJsonValues()
    {
        string path = File("orders.csv", Orders);
        var (code, csv, _) = Run("f2", "--orders", path, "--window", "45", "--format", "csv");
        Assert.Equal(0, code);
        string[] lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("cohort,customers,eligible,converted,rate,censored,censoredConverted", lines[0]);
        JsonElement json = Json("f2", "--orders", path, "--window", "45").GetProperty("cohorts");
        Assert.Equal(json.GetArrayLength() + 1, lines.Length);
        for (int i = 0; i < json.GetArrayLength(); i++)
        {
            string[] fields = lines[i + 1].Split(',');
            Assert.Equal(json[i].GetProperty("cohort").GetString(), fields[0]);
            Assert.Equal(json[i].GetProperty("converted").GetInt64(), long.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(json[i].GetProperty("rate").GetDouble(), double.Parse(fields[4], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Text_Summary_IsATableWithTheValues()
    {
        var (code, text, _) = Run("summary", "--orders", File("orders.csv", Orders), "--totals");
        Assert.Equal(0, code);
        string[] lines = text.Split(Environment.NewLine);
        Assert.StartsWith("customers  orders", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("---------  ------", lines[1], StringComparison.Ordinal);
        Assert.Contains("69.75", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Output_File_ReceivesTheTableAndTableSelectsOne()
    {
        string output = PathOf("out.json");
        var (code, stdout, _) = Run("deciles", "--orders", File("orders.csv", Orders), "--groups", "2", "--format", "json", "--output", output, "--table", "concentration");
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        JsonElement root = JsonDocument.Parse(System.IO.File.ReadAllText(output)).RootElement;
        Assert.False(root.TryGetProperty("deciles", out _));
        Assert.Equal(4, root.GetProperty("concentration")[0].GetProperty("customers").GetInt32());
    }
    private static IEnumerable<Cell[]> ReusedRows()
    {
        var row = new Cell[2];
        for (int i = 1; i <= 3; i++)
        {
            row[0] = "r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            row[1] = i * 10;
            yield return row;
        }
    }

    [Fact]
    public void Streamed_ReusedRowArray_IsWrittenRowByRowInEveryFormat()
    {
        Table table = Table.Streamed("t", ["name", "value"], ReusedRows());
        var text = new StringWriter();
        TableWriter.WriteText([table], text);
        Assert.Equal(["name  value", "----  -----", "r1       10", "r2       20", "r3       30", ""], text.ToString().Split(Environment.NewLine));
        var csv = new StringWriter();
        TableWriter.WriteCsv([table], csv);
        Assert.Equal("name,value\r\nr1,10\r\nr2,20\r\nr3,30\r\n", csv.ToString());
        var json = new StringWriter();
        TableWriter.WriteJson([table], json);
        JsonElement rows = JsonDocument.Parse(json.ToString()).RootElement.GetProperty("t");
        Assert.Equal(30, rows[2].GetProperty("value").GetInt32());
        Assert.Equal("r1", rows[0].GetProperty("name").GetString());
    }
}
