using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace AIRisk.Tests.Web.Audit.KeyRing;

/// <summary>The key ring's table in memory: what every node (and whoever may insert into it) reads and writes.</summary>
public sealed class MemoryXmlRepository : IXmlRepository
{
    private readonly List<XElement> _elements = [];

    public IReadOnlyList<XElement> Stored
    {
        get
        {
            lock (_elements)
                return [.. _elements];
        }
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_elements)
            return [.. _elements.Select(e => new XElement(e))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_elements)
            _elements.Add(new XElement(element));
    }
}
