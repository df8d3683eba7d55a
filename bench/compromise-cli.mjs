// compromise as a command line, for the bench's end-to-end comparison: reads each file named and
// prints one JSON line of the analyses closest to Claimdesk's (sentences, people, places,
// organisations, quotations, numbers with their values), as `claimdesk extract` prints its own.
import { readFileSync } from 'node:fs';
import nlp from 'compromise';

for (const file of process.argv.slice(2)) {
  const doc = nlp(readFileSync(file, 'utf8'));
  const out = {
    file,
    sentences: doc.sentences().out('array'),
    people: doc.people().out('array'),
    places: doc.places().out('array'),
    organizations: doc.organizations().out('array'),
    quotations: doc.quotations().out('array'),
    numbers: doc.numbers().get(),
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}
