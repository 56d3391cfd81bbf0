/**
 * Words for freight aliases (`lucky-jaguar`): short, friendly, lowercase a–z, no duplicates.
 * An alias is stored in its freight document once assigned, so editing these lists only changes
 * the aliases of freight recorded afterwards.
 */

function words(text: string): readonly string[] {
  return Object.freeze(text.trim().split(/\s+/));
}

/** 343 adjectives. */
export const ADJECTIVES: readonly string[] = words(`
  able active adept agile airy alert amber amiable ample amused apt arctic ardent artful
  astute azure balmy basic blazing blissful blithe bold bonny bouncy brainy brave breezy
  bright brisk bronze bubbly buoyant busy calm candid caring charming cheerful cheery chic
  chill chirpy civil classy clean clear clever cobalt colorful comfy cool coral cosmic cozy
  crafty crimson crisp cuddly curious curly cute dainty dandy dapper daring dashing dazzled
  dazzling decent deft devoted dewy diligent dreamy dulcet dynamic eager early earnest earthy
  easy elated electric elegant emerald enchanted endless epic evergreen exotic fabled fair
  famous fancy fast fearless festive fiery fine firm fit fleet floral flowing fluent fluffy
  flying fond frank free fresh friendly frosty funny fuzzy gallant genial gentle giant gifted
  gilded glad gleaming glossy glowing golden good graceful gracious grand great green gusty
  hallowed handy happy hardy harmonious hazy hearty helpful heroic honest honeyed hopeful
  humble icy ideal indigo inventive ivory jade jaunty jazzy jolly jovial joyful jubilant just
  keen kind kindly kinetic laughing lavish leafy legendary lilac limber lively lofty loving
  loyal lucid lucky lunar lush lyrical magic majestic mellow merry mighty mild mindful minty
  misty modest mossy musical mystic natural nautical neat neon nifty nimble noble novel oaken
  optimal orange patient peaceful pearly pensive peppy perky placid playful plentiful plucky
  plush poised polished polite posh precise prime pristine proper proud prudent punctual pure
  purple quaint quick quiet quirky radiant rapid rare ready regal relaxed resolute rich rising
  robust rosy roving royal ruby rugged rustic sage sandy sapphire satin savvy scarlet scenic
  secret serene sharp shining shiny silent silky silver simple sincere skillful sleek sleepy
  smart smooth snappy snowy snug soaring sociable social solar solid sonic sparkly speedy
  spiffy spirited splendid sporty spry stable starry stately steady stellar stoic sturdy
  sublime sugary sunlit sunny super supple sweet swift tawny tender thankful thoughtful
  thrifty tidal tidy timely tiny topaz tranquil tropical true trusty tuneful twinkly unique
  upbeat upright urban useful valiant vast velvet verdant vibrant vital vivid wandering warm
  whimsical wholesome windy wiry wise witty wondrous wooden woolly young zany zealous zesty
  zippy
`);

/** 346 animals. */
export const ANIMALS: readonly string[] = words(`
  aardvark albatross alligator alpaca anchovy angelfish ant anteater antelope armadillo avocet
  axolotl baboon badger barracuda bat beagle bear beaver bee beetle beluga bison bittern
  blackbird bluebird bobcat bongo bonobo budgie buffalo bullfinch bumblebee bunny burbot
  butterfly buzzard camel canary capybara caracal cardinal caribou cassowary cat catfish
  chameleon cheetah chickadee chicken chinchilla chipmunk cicada clam coati cockatoo cod
  condor cormorant cougar cow coyote crab crane crayfish cricket crow cuckoo curlew dachshund
  deer dingo dodo dolphin donkey dormouse dove dragonfly duck dugong dunlin eagle eel egret
  eider eland elk emu ermine falcon fennec ferret finch firefly flamingo flounder foal fox
  frog fulmar gadwall galago gannet gazelle gecko gerbil gharial gibbon giraffe gnu goat goby
  godwit goldfish goose gopher gorilla gosling grasshopper grebe greyhound grouse guanaco
  guineafowl gull guppy haddock halibut hamster hare hawk hedgehog heron herring hippo hoopoe
  horse hummingbird husky hyrax ibex ibis iguana impala jacana jackal jackdaw jaguar jay
  jellyfish jerboa kakapo kangaroo katydid kea kestrel kingfisher kinkajou kittiwake kiwi
  koala koi krill kudu ladybug lamb lark lemming lemur leopard limpet linnet lion llama
  lobster loon lorikeet lovebird lynx macaw mackerel magpie mallard manakin manatee mandrill
  mantis margay marlin marmot meerkat merlin mink minnow mockingbird mole mongoose moorhen
  moose moth mouse mule muskox narwhal nene newt nightingale numbat nuthatch ocelot octopus
  okapi opossum orangutan orca oriole oryx osprey ostrich otter owl ox oyster panda pangolin
  panther parakeet parrot partridge peacock peafowl pelican penguin perch petrel pheasant
  pigeon piglet pika pipit platypus plover pony poodle porcupine porpoise potoo prawn
  ptarmigan pufferfish puffin puma quail quetzal quokka quoll rabbit raccoon raven redstart
  reindeer rhea rhino roadrunner robin rook sable salamander salmon sandpiper saola sardine
  scallop seahorse seal sealion serval shearwater sheep shelduck shrimp siskin skylark sloth
  smelt snail snipe sole sparrow springbok squid squirrel starfish stingray stoat stork
  sturgeon sunbird swallow swan tadpole takin tamarin tapir tarsier teal tern terrier thrush
  tiger titmouse tortoise toucan treefrog trout tuna turaco turkey turtle urchin vicuna vireo
  vole wagtail wallaby walleye walrus wapiti warbler waxwing weasel weaver whale whimbrel
  whippet wigeon wildcat wolf wombat woodcock woodpecker wren yak yellowhammer zebra zebu
`);
