// The floor: the same questions as plain HTML, saved to localStorage on every input.
const timed = window.__bench ? window.__bench.save : (f) => f();
const form = document.getElementById('form');
const key = 'designed-alliance-hand';
const saved = JSON.parse(localStorage.getItem(key) || '{}');
for (const q of QUESTIONS) {
  const label = document.createElement('label');
  label.htmlFor = q.name;
  label.textContent = q.title;
  const help = document.createElement('p');
  help.id = `${q.name}-help`;
  help.textContent = q.description;
  let field;
  if (q.type === 'dropdown') {
    field = document.createElement('select');
    for (const c of ['', ...q.choices]) field.append(new Option(c, c));
  } else {
    field = document.createElement(q.type === 'comment' ? 'textarea' : 'input');
    if (q.type === 'comment') field.rows = 3;
    else field.type = 'text';
  }
  field.id = field.name = q.name;
  field.setAttribute('aria-describedby', help.id);
  field.value = saved[q.name] ?? '';
  form.append(label, help, field);
}
form.addEventListener('input', () => {
  timed(() => {
    localStorage.setItem(key, JSON.stringify(Object.fromEntries(new FormData(form))));
  });
});
