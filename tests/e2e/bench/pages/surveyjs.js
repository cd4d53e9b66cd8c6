// The same questions as the widget, as a SurveyJS form, saving progress to localStorage the
// way SurveyJS documents it ("Save survey progress": onValueChanged and onCurrentPageChanged),
// with text saved as it is typed (textUpdateMode "onTyping"), like the widget.
const timed = window.__bench ? window.__bench.save : (f) => f();
const perPage = 6;
const pages = [];
for (let i = 0; i < QUESTIONS.length; i += perPage) {
  pages.push({
    name: `page${pages.length + 1}`,
    elements: QUESTIONS.slice(i, i + perPage).map((q) => ({
      type: q.type,
      name: q.name,
      title: q.title,
      description: q.description,
      ...(q.choices.length ? { choices: q.choices } : {}),
    })),
  });
}
const survey = new Survey.Model({ pages, textUpdateMode: 'onTyping', showQuestionNumbers: 'off' });
const storageItemKey = 'designed-alliance-surveyjs';
function saveSurveyData(survey) {
  timed(() => {
    const data = survey.data;
    data.pageNo = survey.currentPageNo;
    window.localStorage.setItem(storageItemKey, JSON.stringify(data));
  });
}
survey.onValueChanged.add(saveSurveyData);
survey.onCurrentPageChanged.add(saveSurveyData);
const prevData = window.localStorage.getItem(storageItemKey) || null;
if (prevData) {
  const data = JSON.parse(prevData);
  survey.data = data;
  if (data.pageNo) survey.currentPageNo = data.pageNo;
}
survey.render(document.getElementById('survey'));
