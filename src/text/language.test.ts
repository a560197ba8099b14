import { describe, expect, it } from 'vitest';
import { articleLanguage } from './language.js';

// Original fictional sentences, one short news paragraph per language.
const SAMPLES: Record<string, string> = {
  en: 'The harbor board voted on Tuesday to keep the ferry running through the winter, and the mayor said that the decision was a relief for families who have to travel to the mainland for work.',
  de: 'Der Hafenrat hat am Dienstag beschlossen, dass die Fähre auch im Winter fährt. Die Bürgermeisterin sagte, das sei eine Erleichterung für die Familien, die auf dem Festland arbeiten und nicht umziehen wollen.',
  fr: 'Le conseil du port a décidé mardi que le traversier continuera de circuler pendant l’hiver. La mairesse a dit que cette décision est un soulagement pour les familles qui travaillent sur le continent et qui ne veulent pas déménager.',
  es: 'La junta del puerto decidió el martes que el ferry seguirá funcionando durante el invierno. La alcaldesa dijo que la decisión es un alivio para las familias que trabajan en el continente y que no quieren mudarse por ahora.',
  it: 'Il consiglio del porto ha deciso martedì che il traghetto continuerà a navigare anche durante l’inverno. La sindaca ha detto che la decisione è un sollievo per le famiglie che lavorano sulla terraferma e che non vogliono trasferirsi.',
  pt: 'O conselho do porto decidiu na terça-feira que a balsa vai continuar a funcionar durante o inverno. A prefeita disse que a decisão é um alívio para as famílias que trabalham no continente e que não querem se mudar.',
  nl: 'Het havenbestuur heeft dinsdag besloten dat de veerboot ook in de winter blijft varen. De burgemeester zei dat het besluit een opluchting is voor de gezinnen die op het vasteland werken en niet willen verhuizen.',
};

describe('articleLanguage', () => {
  it('tells the seven desk languages apart from one paragraph', () => {
    for (const [lang, text] of Object.entries(SAMPLES)) expect(articleLanguage(text), lang).toBe(lang);
  });

  it('says nothing for a text too short to tell', () => {
    expect(articleLanguage('Ferry vote')).toBeUndefined();
  });
});
