# Loopback ports for the servers the test and load scripts start (sourced by conformance.sh, conformance-oauth.sh,
# cluster-failover.sh and bench-lib.sh).
# A port is picked below the kernel's ephemeral range: outgoing connections (the servers' own clients, the suites'
# node processes) take their local ports from that range, and one took a port between the check and the server's bind
# in a CI run (the server then exits "Cannot listen on ...: the port is in use").

# port_free <port>: nothing listens on 127.0.0.1:<port>
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ephemeral_low: the first port of the kernel's ephemeral range (32768 when it cannot be read or is unusually low)
ephemeral_low() {
  local low=32768
  if [ -r /proc/sys/net/ipv4/ip_local_port_range ]; then read -r low _ </proc/sys/net/ipv4/ip_local_port_range; fi
  [ "$low" -gt 20000 ] || low=32768
  echo "$low"
}

# free_port: prints a port between 10000 and the start of the ephemeral range that nothing listens on
free_port() {
  local low port
  low=$(ephemeral_low)
  port=$(( 10000 + RANDOM % (low - 10000) ))
  while ! port_free "$port"; do port=$(( port + 1 )); done
  echo "$port"
}
