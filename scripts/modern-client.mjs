// End-to-end check with a client of the 2026-07-28 era: the TypeScript SDK v2 client (@modelcontextprotocol/client),
// run by scripts/conformance.sh against the jar with the conformance profile on. Usage: node modern-client.mjs <url>
// It connects three ways on the same URL (version negotiation auto, pinned 2026-07-28, and legacy) and checks what a
// modern client does: discover, lists with cache hints, a tool call, input_required rounds answered by the client's
// own elicitation handler (a fixture tool, and a product prompt that asks for a left-out username), a resource read,
// a completion and a subscriptions/listen stream. Prints one line per check; exits 1 when any fails.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

const url = new URL(process.argv[2]);
let failed = 0;
function check(name, ok, detail) {
  console.log(`modern-client: ${ok ? 'PASS' : 'FAIL'} ${name}${ok ? '' : ` (${detail})`}`);
  if (!ok) failed++;
}
async function connect(mode, capabilities = { elicitation: {} }) {
  const client = new Client({ name: 'lastfm-mcp-modern-check', version: '1.0.0' },
    { capabilities, versionNegotiation: { mode } });
  client.setRequestHandler('elicitation/create', async (request) => {
    const properties = Object.keys(request.params.requestedSchema?.properties ?? {});
    const content = {};
    for (const name of properties) content[name] = name === 'username' ? 'rj' : 'Alice';
    return { action: 'accept', content };
  });
  await client.connect(new StreamableHTTPClientTransport(url));
  return client;
}
async function attempt(name, fn) {
  try {
    await fn();
  } catch (error) {
    check(name, false, error?.message ?? String(error));
  }
}

await attempt('auto negotiation', async () => {
  const client = await connect('auto');
  check('auto negotiation picks the 2026-07-28 era', client.getProtocolEra() === 'modern'
    && client.getNegotiatedProtocolVersion() === '2026-07-28',
    `era ${client.getProtocolEra()}, version ${client.getNegotiatedProtocolVersion()}`);
  check('server identity from the result _meta', client.getServerVersion()?.name === 'lastfm-mcp',
    JSON.stringify(client.getServerVersion()));

  const tools = await client.listTools();
  const names = tools.tools.map((tool) => tool.name);
  check('tools/list', names.includes('ping') && names.includes('get_recent_tracks') && names.includes('love_track'),
    names.join(','));

  const pong = await client.callTool({ name: 'ping', arguments: { message: 'modern' } });
  check('tools/call ping', pong.content?.[0]?.text === 'pong: modern' && pong.structuredContent?.reply === 'pong',
    JSON.stringify(pong));

  const hello = await client.callTool({ name: 'test_input_required_result_elicitation', arguments: {} });
  check('input_required answered by the elicitation handler', hello.content?.[0]?.text === 'Hello, Alice!',
    JSON.stringify(hello));

  const rounds = await client.callTool({ name: 'test_input_required_result_multi_round', arguments: {} });
  check('two input_required rounds with the sealed requestState',
    rounds.content?.[0]?.text === 'Multi-round complete for Alice who likes Alice', JSON.stringify(rounds));

  const prompt = await client.getPrompt({ name: 'listening_insights', arguments: { period: '7day' } });
  check('prompts/get asks for the left-out username (input_required)',
    JSON.stringify(prompt.messages).includes('get_listening_stats(username=\\"rj\\"'), JSON.stringify(prompt));

  const text = await client.readResource({ uri: 'test://static-text' });
  check('resources/read', text.contents?.[0]?.mimeType === 'text/plain' && text.contents[0].text.length > 0,
    JSON.stringify(text));

  const templates = await client.listResourceTemplates();
  check('resources/templates/list', templates.resourceTemplates.some(
    (t) => t.uriTemplate === 'lastfm://artist/{artist}'), JSON.stringify(templates).slice(0, 300));

  const completion = await client.complete({ ref: { type: 'ref/prompt', name: 'listening_insights' },
    argument: { name: 'period', value: '7' } });
  check('completion/complete', completion.completion.values.includes('7day'), JSON.stringify(completion));

  const subscription = await client.listen({ resourceSubscriptions: ['test://watched-resource'] });
  check('subscriptions/listen acknowledged', subscription.honoredFilter?.resourceSubscriptions?.[0]
    === 'test://watched-resource', JSON.stringify(subscription.honoredFilter));
  await subscription.close();
  check('subscriptions/listen closed by the client', await subscription.closed === 'local', 'not closed locally');
  await client.close();
});

await attempt('pinned 2026-07-28', async () => {
  const client = await connect({ pin: '2026-07-28' });
  const result = await client.callTool({ name: 'server_info', arguments: {} });
  check('pinned 2026-07-28: tools/call server_info', result.structuredContent?.name === 'lastfm-mcp',
    JSON.stringify(result).slice(0, 300));
  await client.close();
});

await attempt('legacy', async () => {
  const client = await connect('legacy');
  check('legacy negotiation on the same URL', client.getProtocolEra() === 'legacy'
    && client.getNegotiatedProtocolVersion() === '2025-11-25', `era ${client.getProtocolEra()}`);
  const pong = await client.callTool({ name: 'ping', arguments: { message: 'legacy' } });
  check('legacy tools/call ping', pong.content?.[0]?.text === 'pong: legacy', JSON.stringify(pong));
  await client.close();
});

process.exit(failed === 0 ? 0 : 1);
