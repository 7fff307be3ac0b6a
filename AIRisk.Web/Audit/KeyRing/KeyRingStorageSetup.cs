using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Audit.KeyRing;

/// <summary>Data Protection keeps its keys through <see cref="SignedXmlRepository"/>, never the table directly.</summary>
internal sealed class KeyRingStorageSetup(SignedXmlRepository repository) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options) => options.XmlRepository = repository;
}
