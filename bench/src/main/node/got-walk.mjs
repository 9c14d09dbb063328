// What a Node user writes without pagewalk: got.paginate over the bench's page server, each item
// written as one JSON line (the item as it is, or the bench specs' 10-field projection).
//   node got-walk.mjs STYLE BASE_URL PAGE_SIZE OUT_FILE identity|projection
import fs from 'node:fs';
import { once } from 'node:events';
import got from 'got';

const [style, baseUrl, pageSizeText, outFile, output] = process.argv.slice(2);
const pageSize = Number(pageSizeText);

function project(item) {
  const out = {};
  const put = (name, value) => {
    if (value !== undefined && value !== null) out[name] = value;
  };
  put('id', item.id);
  put('name', item.name);
  put('email', item.email);
  put('status', item.status);
  put('amount', item.amount);
  put('currency', item.currency);
  put('created_at', item.created_at);
  put('city', item.address?.city);
  put('country', item.address?.country);
  put('tags', item.tags);
  return out;
}

const styles = {
  offset: {
    url: `${baseUrl}/offset/items`,
    searchParams: { offset: 0, limit: pageSize },
    pagination: {
      transform: (response) => response.body.data,
      paginate: ({ response }) => {
        const { offset, limit, total, data } = response.body;
        const next = offset + data.length;
        return data.length === 0 || next >= total ? false : { searchParams: { offset: next, limit } };
      },
    },
  },
  token: {
    url: `${baseUrl}/token/items`,
    searchParams: { limit: pageSize },
    pagination: {
      transform: (response) => response.body.data,
      paginate: ({ response }) =>
        response.body.next_cursor ? { searchParams: { limit: pageSize, cursor: response.body.next_cursor } } : false,
    },
  },
  // got's default paginate follows the Link header's rel="next"
  link: {
    url: `${baseUrl}/link/items`,
    searchParams: { page: 1, per_page: pageSize },
    pagination: { transform: (response) => response.body },
  },
};

const { url, ...options } = styles[style];
const out = fs.createWriteStream(outFile);
const shape = output === 'projection' ? project : (item) => item;
let records = 0;
for await (const item of got.paginate(url, {
  ...options,
  responseType: 'json',
  pagination: { ...options.pagination, countLimit: Infinity, requestLimit: Infinity, stackAllItems: false },
})) {
  records++;
  if (!out.write(JSON.stringify(shape(item)) + '\n')) {
    await once(out, 'drain');
  }
}
out.end();
await once(out, 'finish');
console.log(`${records} records`);
