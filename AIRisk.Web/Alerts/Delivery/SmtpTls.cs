namespace AIRisk.Web.Alerts.Delivery;

/// <summary>How the connection to the mail server is secured (<c>SMTP_TLS</c>).</summary>
public enum SmtpTls
{
    /// <summary>Plain SMTP, then <c>STARTTLS</c>, which the server must offer (submission, port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (implicit TLS, port 465).</summary>
    Tls,

    /// <summary>No encryption: a relay on the same host or network only (port 25).</summary>
    None,
}
