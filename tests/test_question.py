"""Question understanding: types, chat spelling, hostile input, follow-ups, fuzzy name edits."""
import pytest

from bot.answer import Turn
from bot.question import (
    Question,
    analyse_question,
    answer_kind,
    edit_candidates,
    frame_words,
    surface_words,
)


@pytest.mark.parametrize("text, qtype", [
    ("kapan Putin ke Pyongyang?", "kapan"),
    ("kpn putin ke pyongyang", "kapan"),
    ("Tanggal berapa Kim bertemu Putin?", "kapan"),
    ("tahun berapa Korea Utara dibentuk", "kapan"),
    ("pukul berapa pertemuan dimulai", "kapan"),
    ("siapa menteri pertahanan Rusia", "siapa"),
    ("sp menhan rusia yg ke pyongyang", "siapa"),
    ("Siapakah juru bicara Kremlin?", "siapa"),
    ("siapa nama dubes Rusia untuk korut", "siapa"),
    ("di mana Kim bertemu Putin", "dimana"),
    ("Kim ketemu Putin dimana?", "dimana"),
    ("kim ketemu putin dmn", "dimana"),
    ("kemana Choe pergi?", "kemana"),
    ("Choe pergi ke mana", "kemana"),
    ("darimana Kim berangkat", "darimana"),
    ("berapa jarak Vladivostok dari perbatasan", "berapa"),
    ("brp tentara wagner", "berapa"),
    ("harga tiket konsernya berapaan sih", "berapa"),
    ("Berapakah entitas yang kena sanksi?", "berapa"),
    ("berapa tahun gencatan senjata", "berapa"),
    ("apa isi perjanjian itu", "apa"),
    ("Apakah Korea Utara memasok senjata?", "apakah"),
    ("apa benar korut kirim tentara", "apakah"),
    ("mengapa Korea Utara menjual amunisi", "mengapa"),
    ("kenapa korut jual amunisi", "mengapa"),
    ("knp rusia butuh korut", "mengapa"),
    ("ngapain shoigu ke pyongyang", "mengapa"),
    ("bagaimana tanggapan Korea Utara", "bagaimana"),
    ("gimana tanggapan korut", "bagaimana"),
    ("gmn hubungan korut rusia", "bagaimana"),
    ("Putin ke Pyongyang", None),
])
def test_question_type(text, qtype):
    assert analyse_question(text).qtype == qtype


def test_question_word_found_anywhere():
    q = analyse_question("Putin ke Pyongyang kapan ya?")
    assert q.qtype == "kapan"
    assert q.content == "Putin ke Pyongyang"


@pytest.mark.parametrize("text, content", [
    ("siapa jubir yg ditanya soal partai itu", "juru bicara ditanya soal partai"),  # "-nya" ends the root: asked
    ("siapa nama pelakunya", "pelaku"),  # a possessive "-nya" goes
    ("setnov ada acara apa makanya ga dateng", "setnov acara tidak dateng"),  # "that is why": no content
])
def test_nya_goes_only_where_it_is_no_part_of_the_root(text: str, content: str) -> None:
    assert analyse_question(text).content == content


def test_a_follow_up_reads_nya_as_the_content_words_do():
    from bot.question import _is_anaphor

    # "pelakunya" refers back to the turn before; "ditanya" and "bertanya" are words of their own
    assert _is_anaphor("pelakunya", None) and _is_anaphor("Pelakunya", None)
    assert not _is_anaphor("ditanya", None) and not _is_anaphor("bertanya", None)
    assert not _is_anaphor("sebenarnya", None)


@pytest.mark.parametrize("chat, formal", [
    ("pembahasan duit pengawasan kelar kapan", "pembahasan uang pengawasan selesai"),
    ("cewek yg ngilang itu ketauan di mana", "perempuan menghilang ketahuan"),
])
def test_chat_words_the_news_writes_otherwise(chat: str, formal: str) -> None:
    """ "kelar" and "duit" are words of their own that the corpus holds a few times (in quotes),
    so they are read as the formal word the news writes, not matched as typed."""
    assert analyse_question(chat).content == formal


def test_chat_spelling_expanded():
    q = analyse_question("sp menhan rusia yg ke pyongyang utk bertemu kim")
    assert q.text == "siapa menteri pertahanan Rusia yang ke pyongyang untuk bertemu kim"
    assert "yang" not in q.content.split() and "siapa" not in q.content.split()


@pytest.mark.parametrize("text, expected", [
    ("korut dan korsel", "Korea Utara dan Korea Selatan"),
    ("menlu korut", "menteri luar negeri Korea Utara"),
    ("sanksi AS", "sanksi Amerika Serikat"),
    ("presiden as", "presiden Amerika Serikat"),
    ("dk pbb", "Dewan Keamanan PBB"),
    ("kemlu korsel", "Kementerian Luar Negeri Korea Selatan"),
    ("dirjen pajak", "direktur jenderal pajak"),
    ("ketum golkar", "ketua umum golkar"),
    ("menag dan kemenkeu", "menteri agama dan Kementerian Keuangan"),
    ("tommy ngalahin siapa", "tommy mengalahkan siapa"),
    ("pres ri", "presiden Indonesia"),
    ("dgn tdk sdh blm jg krn dr", "dengan tidak sudah belum juga karena dari"),
    ("harga minyak pas rupiah nguat", "harga minyak saat rupiah nguat"),
    ("keliatan pas nonton", "kelihatan saat menonton"),
    ("CHEC kasih beasiswa", "CHEC memberi beasiswa"),
    ("terima kasih", "terima kasih"),
    ("media abal2 di desa2", "media abal-abal di desa-desa"),
    ("jauhnya brp km", "jauhnya berapa kilometer"),
    ("hrg tiket bwt lwn timnas brp", "harga tiket buat lawan timnas berapa"),
    ("kapal KM Sinar Bangun", "kapal KM Sinar Bangun"),
    ("konser u2", "konser u2"),
    ("formasi apa waktu lawan myanmar", "formasi apa saat lawan myanmar"),  # "waktu" as "when"
    ("jangka waktu kredit itu", "jangka waktu kredit itu"),  # the noun stays
    ("catatan waktu rio brp", "catatan waktu rio berapa"),
    ("ke berapa", "keberapa"),
    ("smpai kapan ditahan", "sampai kapan ditahan"),
    ("nmanya siapa", "namanya siapa"),
    ("gus ipul dlu prnh jd ketum apa", "gus ipul dulu pernah jadi ketua umum apa"),
    ("kebun DL Sitorus dl luasnya brp", "kebun DL Sitorus dulu luasnya berapa"),  # initials stay a name
    ("bos yg dtg lwt bandara", "bos yang datang lewat bandara"),
    ("knp ISK lbh sering", "kenapa ISK lebih sering"),
    ("savitri konpers di kantor LBH", "savitri konpers di kantor LBH"),  # the institute, not "lebih"
])
def test_abbreviations(text, expected):
    assert analyse_question(text).text == expected


def test_lowercase_as_is_left_alone_without_country_context():
    assert analyse_question("as roda patah").text == "as roda patah"


def test_spelt_out_acronym_is_not_doubled():
    assert analyse_question("sanksi Perserikatan Bangsa-Bangsa (PBB)").text == "sanksi Perserikatan Bangsa-Bangsa PBB"


@pytest.mark.parametrize("text", [
    "", "   ", "?!?!", "😀🙏🔥", "\u200b\u200c\ufeff", '" OR 1=1 --', "NEAR(putin, kim)", "*",
    "putin* OR kim*", "'; DROP TABLE passages; --", "<b>halo</b>", "<script>alert(1)</script>",
    "x" * 10_000, "kapan " * 3000, None, 12345,
])
def test_hostile_input_gives_sane_question(text):
    q = analyse_question(text)
    assert isinstance(q, Question)
    assert len(q.text) <= 500 and len(q.content) <= 500
    for junk in ('"', "*", "(", ")", ";", "<", ">", "--", "\u200b", "=", "OR ", "NEAR"):
        assert junk not in q.text and junk not in q.content


def test_hostile_input_has_no_search_content():
    assert analyse_question('" OR 1=1 --').content == ""
    assert analyse_question("😀😀").content == ""
    assert analyse_question("<script>alert(1)</script>").content == ""


def test_markup_is_stripped_but_words_kept():
    q = analyse_question("<b>kapan</b> Putin\u200b ke Pyongyang?")
    assert q.qtype == "kapan" and q.content == "Putin ke Pyongyang"


def test_only_filler_leaves_no_content():
    assert analyse_question("apa itu yang ada?").content == ""


def test_now_is_no_search_content():
    """ "menhan rusia skrg siapa": the corpus need not say "sekarang" to answer it."""
    assert analyse_question("menhan rusia skrg siapa").content == "menteri pertahanan Rusia"


PUTIN = Turn(question="kapan Putin ke Pyongyang", qtype="kapan", content="Putin ke Pyongyang",
             answer="Juni 2024")


@pytest.mark.parametrize("text, name", [
    ("kalau Shoigu?", "Shoigu"),
    ("bagaimana dengan Shoigu?", "Shoigu"),
    ("kalau Belousov?", "Belousov"),
    ("kalo belousov", "belousov"),
    ("Shoigu?", "Shoigu"),
])
def test_followup_replaces_the_person(text, name):
    q = analyse_question(text, PUTIN)
    assert q.is_followup and q.qtype == "kapan"
    assert q.content == f"{name} ke Pyongyang"
    assert q.text == f"kapan {name} ke Pyongyang"


def test_followup_on_lowercase_previous():
    prev = Turn(question="kpn putin ke pyongyang", qtype="kapan", content="putin ke pyongyang", answer=None)
    q = analyse_question("kalau soigu?", prev)
    assert q.content == "soigu ke pyongyang" and q.text == "kapan soigu ke pyongyang"


def test_followup_replaces_a_place_with_a_place():
    q = analyse_question("kalau ke Vladivostok?", PUTIN)
    assert q.content == "Putin ke Vladivostok"
    prev = Turn(question="siapa menteri pertahanan Rusia", qtype="siapa", content="menteri pertahanan Rusia", answer=None)
    assert analyse_question("kalau Korea Utara?", prev).content == "menteri pertahanan Korea Utara"


@pytest.mark.parametrize("text", ["siapa yang mengatakannya?", "siapa yang bilang begitu?", "sp yg bilang itu"])
def test_who_said_it_uses_previous_question_and_answer(text):
    q = analyse_question(text, PUTIN)
    assert q.is_followup and q.qtype == "siapa"
    assert "Putin" in q.content and "Pyongyang" in q.content and "Juni 2024" in q.content


@pytest.mark.parametrize("text", ["kapan itu terjadi?", "kapan itu?", "kpn tuh terjadinya"])
def test_when_did_it_happen_keeps_previous_content(text):
    prev = Turn(question="siapa yang bertemu Kim di kosmodrom Vostochny", qtype="siapa",
                content="bertemu Kim di kosmodrom Vostochny", answer="Vladimir Putin")
    q = analyse_question(text, prev)
    assert q.is_followup and q.qtype == "kapan"
    assert "Vostochny" in q.content and "Vladimir Putin" in q.content


def test_followup_context_is_not_part_of_question_words():
    q = analyse_question("siapa yang mengatakannya?", PUTIN)
    assert "putin" not in surface_words(q.text)
    assert "siapa" in surface_words(q.text)


@pytest.mark.parametrize("text", [
    "siapa menteri pertahanan Rusia yang ke Pyongyang?",
    "berapa jarak Vladivostok dari perbatasan Korea Utara?",
    "Apa itu perjanjian pertahanan antara Korea Utara dan Rusia?",
])
def test_full_question_is_not_a_followup(text):
    q = analyse_question(text, PUTIN)
    assert not q.is_followup
    assert "Putin" not in q.content


def test_without_previous_nothing_is_a_followup():
    q = analyse_question("kalau Shoigu?")
    assert not q.is_followup and q.content == "Shoigu"


@pytest.mark.parametrize("typo, name", [
    ("pyongyan", "pyongyang"), ("soigu", "shoigu"), ("belousof", "belousov"),
    ("puitn", "putin"), ("vladivostokk", "vladivostok"),
])
def test_edit_candidates_reach_the_name(typo, name):
    assert name in edit_candidates(typo)


def test_edit_candidates_are_exactly_one_edit():
    cands = edit_candidates("ab")
    assert "ab" not in cands
    assert {"a", "b", "ba", "xab", "axb", "abx", "xb", "ax"} <= cands
    assert "abcd" not in cands and "" not in cands
    assert len(edit_candidates("putin")) == 5 + 4 + 25 * 5 + 26 * 6 - _dupes("putin")


def _dupes(word):
    """How many distinct edits collide (computed independently, the slow way)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    edits = []
    for i in range(len(word)):
        edits.append(word[:i] + word[i + 1:])
    for i in range(len(word) - 1):
        edits.append(word[:i] + word[i + 1] + word[i] + word[i + 2:])
    for i in range(len(word)):
        edits += [word[:i] + c + word[i + 1:] for c in letters if c != word[i]]
    for i in range(len(word) + 1):
        edits += [word[:i] + c + word[i:] for c in letters]
    distinct = set(edits) - {word}
    return len(edits) - len(distinct)


def test_edit_candidates_on_junk():
    assert edit_candidates("") == set()
    assert edit_candidates("x" * 1000) == set()
    assert "kim" in edit_candidates("Kin")


@pytest.mark.parametrize("text, kind, head", [
    ("Di negara manakah Universitas Gadjah Mada berada?", "dimana", "negara"),
    ("Dari kota mana rombongan itu berangkat?", "darimana", "kota"),
    ("Manakah provinsi yang paling banyak menerima bantuan?", "dimana", "provinsi"),
    ("Di kota apakah festival itu diadakan?", "dimana", "kota"),
    ("Apakah kota terbesar di Korea Selatan?", "dimana", "kota"),  # "apakah" opens a what-question here
    ("apa kabupaten terluas di Jawa Timur", "dimana", "kabupaten"),
    ("Kemanakah kapal itu berlayar?", "kemana", None),
    ("Bulan apa gunung itu meletus?", "kapan", None),
    ("Apa kepanjangan dari BPBD?", "singkatan", "BPBD"),
    ("apa singkatan dari Badan Pusat Statistik?", "singkatan", "Badan Pusat Statistik"),
    ("Apa judul film yang menang?", "nama", "judul"),
    ("Apa nama partai yang memimpin koalisi?", "nama", "partai"),
    ("Partai apakah yang memenangi pemilu?", "nama", "partai"),
    ("Di rumah sakit mana korban dirawat?", "nama", "rumah sakit"),
    ("Urutan keberapa Indonesia dalam indeks itu?", "berapa", None),
    ("Apakah mamalia terbesar di dunia?", "nama", "mamalia"),
    ("Apa agama mayoritas penduduk pulau itu?", "nama", "agama"),
    ("lagu kanye west apa sih yang dibawain harry styles?", "nama", "lagu"),
    ("Organisasi Jepang apakah yang meneliti banjir itu?", "nama", "organisasi"),
    ("pelajar itu diserahin ke polsek mana?", "nama", "polsek"),
    ("operasi turki di afrin namanya apa", "nama", "operasi"),
    ("wilayah kashmir yg dikuasai china tuh namanya apa ya", "nama", "wilayah"),  # a place noun opens it
    ("nama vihara di mangga besar yg didatengin agus apa ya", "nama", "vihara"),  # as "apa nama vihara …"
    ("kantor berita yang lapor kunjungan itu minggu depan apa namanya", "nama", "kantor berita"),  # not "depan"
    ("jake sullivan jabatannya apa", "nama", "jabatan"),  # "-nya" is no part of the asked noun
    ("lagunya apa yang dibawain harry styles", "nama", "lagu"),
    ("kim mau ke rusia naik apa", "apa", None),  # by what means, not "which naik"
    ("putin ketemu kim di kosmodrom apa", "nama", "kosmodrom"),  # after "di", a kind of place
    ("menurut sandiaga uno apa penyebab kecelakaan", "atribut", "penyebab"),  # an attribute, stated by a phrase
    ("kecelakaan itu penyebabnya apa sih", "atribut", "penyebab"),
    ("apa saja manfaat temulawak", "atribut", "manfaat"),
    ("dwelling time itu apa sih", "definisi", None),  # chat's "X itu apa" is "apa itu X"
    ("kim nyebut korut dan rusia itu apa", "apa", None),  # a clause, not a name, before "itu apa"
    ("motor yang dicuri pelaku apa", "nama", "motor"),  # a passive verb's noun is its doer
    ("minuman yg dikasih penambah rasa itu ngandung asam apa", "nama", "asam"),  # an active verb's, its object
    ("taun brp rohadi divonis?", "kapan", None),
    ("pelatih itu mundur gara-gara apa sih?", "atribut", "penyebab"),  # because of what: the cause
    ("mereka saling sindir lewat medsos apa", "nama", "media sosial"),
    ("iuran anggota tiap tahun brp persen?", "berapa", "persen"),  # a share a year, not which year
    ("acara itu tayang tiap hari apa", "kapan", "hari"),  # which day of the week it airs
    ("gajian tiap tanggal berapa sih", "kapan", None),  # which day of the month
    ("tahun berapa gedung itu dibangun", "kapan", None),
    ("setoran pajaknya tahun lalu berapa sih", "berapa", None),  # a particle is no unit
    ("berapa banyak orang yang mengungsi", "berapa", "orang"),
    ("kota2 mana aja yang dilewati pawai itu", "dimana", "kota"),  # many towns: still which town
    ("pemain itu sering dipanggil apa", "nama", "dipanggil"),  # what he is called: a name
    ("CAT di program itu singkatan dari apa sih", "singkatan", "CAT"),  # the acronym named before
    ("penyanyi itu asli orang mana", "darimana", None),  # where someone is from
    ("kok harga cabai naik terus sih", "mengapa", None),  # chat asks why with "kok"
    ("pas kunjungan ke pasar itu dia sempet ngapain", "apa", None),  # did what; not why
    ("ngapain menteri itu ke pasar", "mengapa", None),
    ("dokter yang merawat pasien itu dari rumah sakit mana", "nama", "rumah sakit"),  # asked after "dari"
    ("kantor berita korsel apa yang melaporkan kunjungan itu", "nama", "kantor berita"),  # not "selatan"
    ("perusahaan amerika serikat apa yang diakuisisi", "nama", "perusahaan"),  # a place after a noun describes it
    ("universitas korea selatan mana yang menang", "nama", "universitas"),
    ("Negara Asia manakah yang ekspornya turun?", "nama", "negara"),
    ("manfaat minum air putih apa aja", "atribut", "manfaat"),  # the phrase's head is asked, not which "putih"
    ("tujuan kunjungan menteri itu apa sih", "atribut", "tujuan"),
    ("penyebab kecelakaan itu apa", "atribut", "penyebab"),  # the cause, not what a cause is
    ("korut dituduh jual apa ke rusia", "objek", "jual"),  # a verb chat writes bare asks for its object
    ("KPK bawa apa aja ke pengadilan", "objek", "bawa"),
    ("polisi nemu brang apa aja di gubuk itu", "apa", None),  # the thing found, however misspelt
    ("rusia beli senjata apa dari korut", "nama", "senjata"),  # the verb's object names the kind
    ("alibaba luncurin apa di indonesia", "objek", "luncurin"),  # chat's "-in" for "-kan"
    ("vaksin apa yang dipakai", "nama", "vaksin"),
    ("ada apa dgn gedung dpr kemarin", "apa", None),  # what happened, not "which ada"
    ("hp yang dipake pelaku mereknya apa", "nama", "merek"),  # "mereknya" is no "me-" verb
    ("dia membelinya apa", "objek", "membelinya"),
    ("Apa yang diraih Yudistira di olimpiade fisika?", "objek", "diraih"),  # what a passive verb's doer did
    ("Apakah yang akan dijual Mandala agar bertahan?", "objek", "dijual"),
    ("Menandatangani apakah pemerintah dan GAM di Helsinki?", "objek", "menandatangani"),
    ("Apa yang menyebabkan Kapal Putih tenggelam?", "atribut", "penyebab"),  # what caused it
    ("kelebihan sewa mobil pengantin apa aja sih", "apa", None),  # as "Apa kelebihan …?": not which "pengantin"
    ("komentar itu dikutip dari media apa", "nama", "media"),  # a verb between: which medium
    ("ibukota korut apa", "nama", "ibu kota"),  # the capital, not "which Utara"
])
def test_answer_kind(text: str, kind: str, head: str | None) -> None:
    assert answer_kind(analyse_question(text)) == (kind, head)


@pytest.mark.parametrize("text, qtype, reads", [
    ("Bagaiaman sistem pemerintahan di Jepang?", "bagaimana", "bagaimana sistem pemerintahan di Jepang"),
    ("Sipakah ibu Adipati itu?", "siapa", "siapakah ibu Adipati itu"),
    ("kim lahir dimna", "dimana", "kim lahir di mana"),
    ("kantor itu berada", None, "kantor itu berada"),  # a word of its own is no typo of "berapa"
    ("berapkah jumlah fakultas di kampus itu?", "berapa", "berapa jumlah fakultas di kampus itu"),
    ("tahun berapkah masjid itu didirikan?", "kapan", "tahun berapa masjid itu didirikan"),
    ("dimnakah pelukis itu meninggal?", "dimana", "di mana pelukis itu meninggal"),
    ("diamanakah kantor pusat dana itu?", "dimana", "di mana kantor pusat dana itu"),
    ("siapapresiden pertama negeri itu?", "siapa", "siapa presiden pertama negeri itu"),
    ("Siapkah tim itu menghadapi final?", None, "Siapkah tim itu menghadapi final"),  # "ready?", a word of its own
    ("siapapun yang menang", None, "siapapun yang menang"),
    ("siapa berada di sana", "siapa", "siapa berada di sana"),
    ("pameran itu dibuka mulai kapn", "kapan", "pameran itu dibuka mulai kapan"),  # a vowel left out
    ("korban dibawa ke rumah sakit mna?", None, "korban dibawa ke rumah sakit mana"),
    ("knpa ahok kalah", "mengapa", "kenapa ahok kalah"),  # vowels left out, as chat types them
    ("brpa harga tiketnya", "berapa", "berapa harga tiketnya"),
    ("ahok ditahan dmna", "dimana", "ahok ditahan di mana"),
    ("bgmna cara daftarnya", "bagaimana", "bagaimana cara daftarnya"),
    ("gimna cara daftarnya", "bagaimana", "bagaimana cara daftarnya"),
    ("drmana asal pemain itu", "darimana", "dari mana asal pemain itu"),  # not "dimana" one letter off
    ("siap tempur pasukan itu", None, "siap tempur pasukan itu"),  # a word of its own is no "siapa"
    ("siapa nma istri gubernur itu", "siapa", "siapa nama istri gubernur itu"),
    ("dia pakai baju apa", "apa", "dia pakai baju apa"),  # "baju" is a word, no typo of anything
])
def test_a_misspelt_question_word_still_asks(text: str, qtype: str | None, reads: str) -> None:
    q = analyse_question(text)
    assert (q.qtype, q.text) == (qtype, reads)


@pytest.mark.parametrize("text, qtype, content", [
    ("siapaaa pelatih persib", "siapa", "pelatih persib"),  # stretched for emphasis
    ("kapannn konsernya", "kapan", "konser"),
    ("brppp harga tiketnya", "berapa", "harga tiket"),
    ("maaaf, siapa pelatih persib", "siapa", "maaf pelatih persib"),  # "maaf" is the word, not "maf"
    ("Siapa orang tua angkat Fredddie Mercury", "siapa", "orang tua angkat Freddie Mercury"),  # a name: twice
    ("Siapakah Richard III", "siapa", "Richard III"),  # capitals alone are no stretching
    ("tolong kasih tau siapa pelatih persib", "siapa", "pelatih persib"),  # asks to be told, gives nothing
    ("eh kapan konsernya", "kapan", "konser"),
])
def test_chat_stretching_and_asides_leave_the_question(text: str, qtype: str, content: str) -> None:
    q = analyse_question(text)
    assert (q.qtype, q.content) == (qtype, content)


@pytest.mark.parametrize("text", ["Apakah dampak banjir itu besar?", "Apakah Putin ke Pyongyang?",
                                  "apakah benar jokowi ke pyongyang?", "apakah ada korban jiwa?",
                                  "apakah polisi sudah menangkap pelakunya?", "apakah pertandingan itu ditunda?",
                                  "apakah harga cabai naik?"])
def test_yes_no_questions_do_not_ask_for_a_name(text: str) -> None:
    """A noun after "apakah" followed by a predicate of its own states something to confirm."""
    assert answer_kind(analyse_question(text))[0] == "apakah"


@pytest.mark.parametrize("text, head", [
    ("Apakah bahasa resmi yang digunakan di Malaysia?", "bahasa"),
    ("Apakah kesenian yang terkenal dari wilayah Jawa Tengah?", "kesenian"),
    ("Apakah jenis hiu terbesar di dunia?", "jenis"),
    ("Apakah agama mayoritas di Filipina?", "agama"),
])
def test_apakah_before_a_kind_of_thing_asks_which(text: str, head: str) -> None:
    """With no predicate ("terbesar" describes, a "yang" clause narrows), "apakah" asks which one."""
    assert answer_kind(analyse_question(text)) == ("nama", head)


@pytest.mark.parametrize("text, kind", [("Menurut Sandiaga Uno apa penyebab kecelakaan kerja itu?", "atribut"),
                                        ("korut dituduh ngirim apa ke rusia?", "objek"),
                                        ("Apa warna bendera negara itu?", "atribut"),
                                        ("Apa tujuan kunjungan itu?", "atribut")])
def test_a_name_before_apa_or_a_described_noun_after_it_asks_what_not_which(text: str, kind: str) -> None:
    assert answer_kind(analyse_question(text))[0] == kind


def test_frame_words_are_the_questions_frame_not_its_subject():
    assert frame_words("letak kantor pusat WHO") == ["letak"]
    assert frame_words("nama istana yang terletak di Manila") == ["nama", "terletak"]
    assert frame_words("Putin ke Pyongyang") == []


def test_colloquial_words_have_formal_readings():
    from bot.question import colloquial_variants

    assert colloquial_variants("diserahin")[0] == "diserahkan"
    assert "mati" in colloquial_variants("matiin")
    assert "curi" in colloquial_variants("nyuri") and "sumbang" in colloquial_variants("nyumbang")
    assert colloquial_variants("nurunin")[0] == "turunkan" and colloquial_variants("nanas") == []
    assert colloquial_variants("ngambil")[0] == "ambil"
    assert colloquial_variants("muji") == ["puji"] and colloquial_variants("nulis") == ["tulis"]
    assert colloquial_variants("makan") == [] and colloquial_variants("nama") == []
    # chat's "e" for a last syllable's "a", also before "-in"; not elsewhere in the word
    assert colloquial_variants("dateng") == ["datang"] and colloquial_variants("bener") == ["benar"]
    assert "dekatkan" in colloquial_variants("deketin") and colloquial_variants("ketemu") == []
    assert colloquial_variants("Kediri") == [] and colloquial_variants("pelajar") == []
    # "nge" before a root, or "ng" before one that opens with "e" or "ke"
    assert colloquial_variants("ngetes")[0] == "tes" and colloquial_variants("ngebantah") == ["bantah"]
    assert colloquial_variants("ngejar")[0] == "kejar" and "eksekusi" in colloquial_variants("ngeksekusi")
    assert "keluarkan" in colloquial_variants("ngeluarin") and "luarkan" in colloquial_variants("ngeluarin")
    assert "kerjakan" in colloquial_variants("ngerjain")


def test_a_chat_abbreviation_keeps_the_consonants_of_its_word():
    from bot.question import may_abbreviate, skeleton

    assert skeleton("brgkt") == skeleton("berangkat") != skeleton("bertingkat")
    assert skeleton("pmrnth") == skeleton("pemerintah")
    assert may_abbreviate("brgkt") and may_abbreviate("prsdn")
    assert not may_abbreviate("dgn")  # too short to name one word
    assert not may_abbreviate("bergkat") and not may_abbreviate("Jakarta")
    assert not may_abbreviate("string")  # a word of its own, not "steering" shortened
    assert may_abbreviate("anjng") and may_abbreviate("intr")  # a first vowel stays: anjing, inter
    assert not may_abbreviate("anjing") and not may_abbreviate("ant")


@pytest.mark.parametrize("text, head", [
    ("motor yang dicuri pelaku apa", "motor"),
    ("bank yg jd sponsor utama harbolnas 2016 apa", "bank"),
    ("klub yang dibela messi musim lalu apa", "klub"),
])
def test_a_question_opened_by_a_noun_and_its_yang_clause_asks_which_of_that_noun(text: str, head: str) -> None:
    """Chat puts "apa" last: the noun asked about opens the question, not the word before "apa"."""
    assert answer_kind(analyse_question(text)) == ("nama", head)


def test_colloquial_variants_put_back_a_dropped_h():
    from bot.question import colloquial_variants

    assert colloquial_variants("taun") == ["tahun"]
    assert colloquial_variants("liat") == ["lihat"]
    assert colloquial_variants("abis") == ["habis"]
    assert colloquial_variants("pelajar") == []  # no vowels side by side, no vowel first


@pytest.mark.parametrize("question, kind", [
    ("yg dibahas putin sm kim apaan", ("apa", None)),  # what was discussed, not which Kim
    ("td kim ngmg apa ke putin", ("apa", None)),  # what Kim said
    ("yg nemenin putin ke pyongyang sapa aja", ("siapa", None)),
])
def test_chat_questions_ask_what_or_who(question: str, kind: tuple[str, None]) -> None:
    assert answer_kind(analyse_question(question)) == kind
