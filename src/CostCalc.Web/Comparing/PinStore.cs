using Microsoft.JSInterop;

namespace CostCalc.Web.Comparing;

/// <summary>
/// The calculator's pin list, kept in the browser (localStorage, through wwwroot/pins.js) as a /compare query, so pins
/// survive editing and reloads in the calculator; /compare writes the pins of its address back, so the two agree.
/// A browser that refuses storage (or a prerender without one) reads as no pins.
/// </summary>
internal static class PinStore
{
    private const string Module = "./pins.js";

    public static async Task<string> ReadAsync(IJSRuntime js)
    {
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", Module);
            return module is null ? "" : await module.InvokeAsync<string?>("read") ?? "";
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException)
        {
            return "";
        }
    }

    public static async Task WriteAsync(IJSRuntime js, string query)
    {
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", Module);
            if (module is not null)
            {
                await module.InvokeVoidAsync("write", query);
            }
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException)
        {
            // Storage refused: the pins still live in /compare's address.
        }
    }
}
