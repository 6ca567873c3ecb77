using System.Xml.Linq;
using CostCalc.Reports.Store;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CostCalc.Web.Reports;

/// <summary>
/// Data Protection's key ring in the report database, so every instance that shares the database
/// (PostgreSQL behind a load balancer) can unprotect what another protected: Blazor's prerendered
/// component descriptors and antiforgery tokens.
/// </summary>
public sealed class StoreXmlRepository(ReportStore store, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.LoadKeyXml().Select(xml => XElement.Parse(xml))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.StoreKeyXml(friendlyName, element.ToString(SaveOptions.DisableFormatting), time.GetUtcNow());
    }
}
