import { describe, expect, it } from 'vitest';
import { guessLanguage, textLanguage } from '../../src/text/language.js';

describe('guessLanguage', () => {
  it('tells common languages apart and abstains on too little text', () => {
    expect(guessLanguage('The minister said that the plan was approved by the council on Monday and it has support.')).toBe('en');
    expect(guessLanguage('Le ministre a dit que le plan est soutenu par la majorité des élus et par les maires du pays.')).toBe('fr');
    expect(guessLanguage('Der Minister sagte, dass der Plan von der Mehrheit unterstützt wird und auch die Länder sich einig sind.')).toBe(
      'de',
    );
    expect(
      guessLanguage('O ministro disse que o plano foi aprovado pela maioria dos deputados e que não há alternativa para o país.'),
    ).toBe('pt');
    expect(guessLanguage('Hello there')).toBeNull();
  });
});

describe('textLanguage', () => {
  it('takes the text’s language over the declared one when there is enough text', () => {
    const fr =
      'Le ministre a dit que le plan est soutenu par la majorité des élus et par les maires du pays, qui attendent depuis des mois une réponse du gouvernement sur le financement des écoles.';
    expect(textLanguage(fr, 'en')).toBe('fr');
  });

  it('keeps the declared language for a short text, and guesses only when nothing is declared', () => {
    expect(textLanguage('Bamako, le 3 mai.', 'fr')).toBe('fr');
    expect(textLanguage('Der Minister sagte am Montag in Berlin, der Plan sei gut.', 'de')).toBe('de');
    expect(textLanguage('Hello', null)).toBeNull();
  });
});
