// The floor for a list step: N commitments as plain HTML, each with the widget's fields (what,
// who, when), the whole list saved to localStorage on every input. N comes from ?n=.
const timed = window.__bench ? window.__bench.save : (f) => f();
const n = Number(new URLSearchParams(location.search).get('n') ?? 10);
const key = 'designed-alliance-hand-list';
const items = document.getElementById('items');
const people = [['p-1', 'Priya'], ['p-2', 'Jordan'], ['everyone', 'Everyone']];
const whenKinds = [['', 'Not decided yet'], ['date', 'On a date'], ['after', 'After something happens']];
let count = 0;
const list = [];

function select(id, label, choices, value) {
  const l = document.createElement('label');
  l.htmlFor = id;
  l.textContent = label;
  const s = document.createElement('select');
  s.id = id;
  for (const [k, t] of choices) s.append(new Option(t, k, false, k === value));
  return [l, s];
}

function add(what) {
  count += 1;
  const item = { id: `c-${count}`, what, owner: 'p-1', when: '' };
  list.push(item);
  const li = document.createElement('li');
  const fs = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = `Commitment ${count}`;
  const l = document.createElement('label');
  l.htmlFor = `${item.id}-what`;
  l.textContent = 'What will be done?';
  const t = document.createElement('textarea');
  t.id = `${item.id}-what`;
  t.rows = 3;
  t.value = what;
  t.addEventListener('input', () => (item.what = t.value));
  const [ol, os] = select(`${item.id}-owner`, 'Who does it?', people, item.owner);
  os.addEventListener('change', () => (item.owner = os.value));
  const [wl, ws] = select(`${item.id}-when`, 'When?', whenKinds, item.when);
  ws.addEventListener('change', () => (item.when = ws.value));
  fs.append(legend, l, t, ol, os, wl, ws);
  li.append(fs);
  items.append(li);
  return t;
}

for (let i = 1; i <= n; i++) add(`Commitment number ${i}, written out as a person would.`);
document.getElementById('form').addEventListener('input', () => {
  timed(() => localStorage.setItem(key, JSON.stringify(list)));
});
document.getElementById('add').addEventListener('click', () => {
  add('').focus();
  timed(() => localStorage.setItem(key, JSON.stringify(list)));
});
