// Reading aloud with the browser's speechSynthesis: one utterance per sentence, so that the module
// can mark the sentence being read; a voice of the text's language (zh-TW / zh-CN), else any
// Chinese voice, else the browser's default with the language set (it may still find one).

// speak(lang, sentences, rate) and control('pause'|'resume'|'stop') are the module's onSpeak and
// onSpeechControl; stop() ends a reading when the reader goes.
export function createSpeech(session) {
  let run = 0;  // readings so far: utterances of an earlier reading report nothing

  function speak(lang, sentences, rate) {
    const synth = window.speechSynthesis;
    synth.cancel();
    const thisRun = ++run;
    const current = () => session.module && thisRun === run;
    const voices = synth.getVoices();
    const normal = (tag) => tag.replace('_', '-').toLowerCase();
    const voice = voices.find((v) => normal(v.lang) === lang.toLowerCase()) ||
      voices.find((v) => normal(v.lang).startsWith(lang.slice(0, 2).toLowerCase())) || null;
    if (!voice) session.log(2, `read aloud: no ${lang} voice installed; the browser's default speaks`);
    sentences.forEach((text, index) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      if (voice) utterance.voice = voice;
      utterance.rate = rate;
      utterance.onstart = () => { if (current()) session.module._reader_speaking(index); };
      const last = index === sentences.length - 1;
      utterance.onend = () => { if (current() && last) session.module._reader_speech_ended(); };
      utterance.onerror = () => { if (current()) { run += 1; session.module._reader_speech_ended(); } };
      synth.speak(utterance);
    });
  }

  function control(command) {
    const synth = window.speechSynthesis;
    if (command === 'pause') synth.pause();
    else if (command === 'resume') synth.resume();
    else { run += 1; synth.cancel(); }
  }

  // Only a reader that has spoken touches speechSynthesis on its way out.
  const stop = () => { if (run) control('stop'); };

  return { speak, control, stop };
}
