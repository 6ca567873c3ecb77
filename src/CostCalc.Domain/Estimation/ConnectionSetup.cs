using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>What accepting a connection costs a BEAM VM: its set-up, and a TLS handshake where the VMs terminate TLS.</summary>
public static class ConnectionSetup
{
    /// <summary>CPU µs one new connection costs the VM that accepts it.</summary>
    public static double CpuMicrosecondsPerNewConnection(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.ConnectionSetupCpuMicroseconds
            + (scenario.LoadBalancer.VmsTerminateTls() ? scenario.TlsHandshakeCpuMicroseconds : 0);
    }

    /// <summary>
    /// CPU µs a second each connection costs in set-ups: its share of the new connections (new connections a
    /// second ÷ peak connections, one over the average lifetime) × one set-up.
    /// </summary>
    public static double CpuMicrosecondsPerConnectionSecond(Scenario scenario) =>
        scenario.PeakConnections <= 0 ? 0
            : scenario.NewConnectionsPerSecond / scenario.PeakConnections * CpuMicrosecondsPerNewConnection(scenario);
}
